package org.newsgraph.read;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Expands the paths a user gave into article files, in a fixed order; see {@link ArticleReader}. */
final class SourceFinder {

    private static final Logger LOG = LoggerFactory.getLogger(SourceFinder.class);

    /** The two article file formats. */
    enum Format { TXT, JSONL }

    /** What a given path expands to: a file to read, or why something could not be looked at. */
    sealed interface Found {
        Path path();

        record ArticleFile(Path path, Format format) implements Found {
        }

        record Problem(Path path, String problem) implements Found {
        }
    }

    private SourceFinder() {
    }

    /** The article files under {@code given}, sorted by path, and problems met on the way. */
    static List<Found> find(Path given) {
        if (Files.isDirectory(given)) {
            return walk(given);
        }
        if (!Files.exists(given)) {
            return List.of(new Found.Problem(given, Files.isSymbolicLink(given)
                    ? "broken symbolic link" : "no such file or directory"));
        }
        Optional<String> special = notRegular(given);
        if (special.isPresent()) {
            return List.of(new Found.Problem(given, special.get()));
        }
        return List.of(format(given)
                .<Found>map(f -> new Found.ArticleFile(given, f))
                .orElseGet(() -> new Found.Problem(given, "unsupported file type; expected .txt or .jsonl")));
    }

    static Optional<Format> format(Path file) {
        return format(file.getFileName().toString());
    }

    static Optional<Format> format(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return Optional.of(Format.TXT);
        } else if (name.endsWith(".jsonl")) {
            return Optional.of(Format.JSONL);
        }
        return Optional.empty();
    }

    /** The file name without its extension. */
    static String baseName(Path file) {
        return baseName(file.getFileName().toString());
    }

    static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static final String NOT_REGULAR = "not a regular file";

    /**
     * Why {@code path}, with links followed, is not a regular file that can be read: "not a
     * regular file (a FIFO); skipped", "not a regular file (a symbolic link to the character
     * device /dev/zero); skipped". Empty for a regular file, a directory, or a path that is gone
     * (reading it fails and says so). Looks at the file's attributes only, never opens it.
     */
    static Optional<String> notRegular(Path path) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (attrs.isRegularFile() || attrs.isDirectory()) {
            return Optional.empty();
        }
        String kind = specialKind(path);
        if (Files.isSymbolicLink(path)) {
            Path target;
            try {
                target = path.toRealPath();
            } catch (IOException e) {
                target = path;
            }
            kind = "a symbolic link to " + kind.replaceFirst("^an? ", "the ") + " " + target;
        }
        return Optional.of(NOT_REGULAR + " (" + kind + "); skipped");
    }

    /** What kind of special file {@code path} is, from its Unix mode: "a FIFO", "a socket", ... */
    private static String specialKind(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
        return switch (mode & 0170000) {
            case 0010000 -> "a FIFO";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case 0140000 -> "a socket";
            default -> "a special file";
        };
    }

    /** A short reason for a failed file operation, such as "permission denied". */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static List<Found> walk(Path root) {
        List<Found> found = new ArrayList<>();
        // Following links lets a data directory be assembled from symlinks; the walker detects
        // loops and reports them to visitFileFailed, where they are skipped.
        SimpleFileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Optional<Format> format = format(file);
                if (format.isPresent() && !isHidden(file)) {
                    // The attributes are the link target's (a link's own when it is broken: reading
                    // fails and says why). A FIFO or a link to /dev/zero is never opened, since
                    // opening a FIFO waits for a writer and a device never ends.
                    boolean readable = attrs.isRegularFile() || attrs.isSymbolicLink();
                    found.add(readable ? new Found.ArticleFile(file, format.get())
                            : new Found.Problem(file, notRegular(file).orElse(NOT_REGULAR + "; skipped")));
                } else {
                    LOG.debug("Skipping {}: not a .txt or .jsonl article file", file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (e instanceof FileSystemLoopException) {
                    LOG.warn("Skipping {}: symbolic link loop", file);
                } else {
                    found.add(new Found.Problem(file, "cannot read: " + reason(e)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                if (e != null) {
                    found.add(new Found.Problem(dir, "cannot list directory: " + reason(e)));
                }
                return FileVisitResult.CONTINUE;
            }
        };
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, visitor);
        } catch (IOException e) {
            found.add(new Found.Problem(root, "cannot list directory: " + reason(e)));
        }
        found.sort(Comparator.comparing(Found::path));
        return found;
    }

    /** Dot files are editor backups, macOS metadata ("._a.txt") and VCS directories, never articles. */
    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
