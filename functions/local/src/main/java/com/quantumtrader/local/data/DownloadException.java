package com.quantumtrader.local.data;

/** A download that cannot go on; what is already written stays, and a rerun resumes from it. */
final class DownloadException extends RuntimeException {

    private final int exitCode;

    DownloadException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    DownloadException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = DownloadCommand.EXIT_FAILURE;
    }

    int exitCode() {
        return exitCode;
    }
}
