package cn.baomi.server.organization;

/** Departments and positions are kept alike: named parts of one unit, unique by name within it. */
enum PartKind {
    DEPARTMENTS("departments", "department", "DEPARTMENT"),
    POSITIONS("positions", "position", "POSITION");

    private final String path;
    private final String single;
    private final String auditName;

    PartKind(String path, String single, String auditName) {
        this.path = path;
        this.single = single;
        this.auditName = auditName;
    }

    static PartKind ofPath(String path) {
        for (PartKind kind : values()) {
            if (kind.path.equals(path)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(path);
    }

    /** The URL segment and message-key part: {@code departments}, {@code positions}. */
    public String getPath() {
        return path;
    }

    String single() {
        return single;
    }

    String auditName() {
        return auditName;
    }
}
