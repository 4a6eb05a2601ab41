package cn.baomi.server.carrier;

/** A new carrier made from parts of one carrier (摘抄) or from several (汇编). */
enum CompilationKind {
    EXCERPT, COMPILATION;

    /** The word of the stamp on the new copies. */
    String stampWord() {
        return this == EXCERPT ? "摘抄" : "汇编";
    }
}
