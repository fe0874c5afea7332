package io.recoup.routes;

/**
 * The URIs of the folders files arrive in (ledger exports, bank statements, status reports). A processed file moves
 * to {@code .done}, a file that failed as a whole to {@code .failed}, each with a time stamp, so the folder shows what
 * is still waiting.
 */
public final class FileInbox {
    private static final String OPTIONS = "antInclude=%s&sortBy=file:name&move=.done/${date:now:yyyyMMdd-HHmmssSSS}-${file:name}"
            + "&moveFailed=.failed/${date:now:yyyyMMdd-HHmmssSSS}-${file:name}";

    private FileInbox() {
    }

    /** The folder as a watcher reads it: a file is taken once it stopped growing. */
    public static String watch(String folder, String pattern) {
        return "file:" + folder + "?" + OPTIONS.formatted(pattern)
                + "&readLock=changed&readLockMinAge=1000&delay={{recoup.poll-delay:5000}}";
    }

    /** The same folder drained at once by a day run (the files are complete when it starts). */
    public static String drain(String folder, String pattern) {
        return "file:" + folder + "?" + OPTIONS.formatted(pattern) + "&readLock=none";
    }
}
