package cn.baomi.scan.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Lists the regular files under the given paths, without following symbolic links. */
final class FileWalker {

    /** A file to scan, or a path that could not be listed ({@code error} set). */
    record Item(Path path, long size, long mtime, String error) {
    }

    private FileWalker() {
    }

    static List<Item> walk(List<Path> roots) {
        List<Item> items = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                items.add(new Item(root, 0, 0, "文件不存在 (no such file)"));
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            items.add(new Item(file, attrs.size(), attrs.lastModifiedTime().toMillis(), null));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        items.add(new Item(file, 0, 0, "无法读取 (cannot read): " + exc.getMessage()));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                items.add(new Item(root, 0, 0, "无法读取 (cannot read): " + e.getMessage()));
            }
        }
        return items;
    }
}
