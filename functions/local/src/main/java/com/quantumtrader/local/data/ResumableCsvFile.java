package com.quantumtrader.local.data;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;

/**
 * A CSV file written a page at a time, so that an interrupted download leaves every complete row: on opening, a
 * last line without its newline (cut off mid-write) is dropped, and the key (a time column) of the last complete
 * row says where to continue.
 */
final class ResumableCsvFile implements Closeable {

    private final Path file;
    private final OptionalLong lastKey;
    private final long droppedBytes;
    private final BufferedWriter writer;

    private ResumableCsvFile(Path file, OptionalLong lastKey, long droppedBytes, BufferedWriter writer) {
        this.file = file;
        this.lastKey = lastKey;
        this.droppedBytes = droppedBytes;
        this.writer = writer;
    }

    /**
     * Opens {@code file} to append, creating it with {@code header} when absent.
     *
     * @param keyColumn the column holding the row's time (epoch milliseconds), increasing down the file
     */
    static ResumableCsvFile open(Path file, String header, int keyColumn, int columns) {
        try {
            OptionalLong lastKey = OptionalLong.empty();
            long dropped = 0;
            if (Files.exists(file) && Files.size(file) > 0) {
                String first;
                try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    first = lines.findFirst().orElse("");
                }
                if (!first.strip().equals(header)) {
                    throw new DownloadException(file + " exists but does not start with the header this command "
                            + "writes (" + header + "); move it away or choose another --out",
                            DownloadCommand.EXIT_INVALID_INPUT);
                }
                dropped = dropPartialLastLine(file);
                String last = Files.size(file) == 0 ? header : lastLine(file);
                if (!last.strip().equals(header)) {
                    lastKey = OptionalLong.of(key(file, last, keyColumn, columns));
                }
            }
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (Files.size(file) == 0) {
                writer.write(header);
                writer.write('\n');
                writer.flush();
            }
            return new ResumableCsvFile(file, lastKey, dropped, writer);
        } catch (IOException e) {
            throw new DownloadException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The time of the last complete row; empty for a new file. */
    OptionalLong lastKey() {
        return lastKey;
    }

    /** Bytes of a cut-off last line dropped on opening. */
    long droppedBytes() {
        return droppedBytes;
    }

    /** Writes whole rows and flushes them, so that what is on disk is always whole rows. */
    void append(List<String> rows) {
        try {
            for (String row : rows) {
                writer.write(row);
                writer.write('\n');
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    private static long key(Path file, String line, int keyColumn, int columns) {
        String[] fields = line.split(",", -1);
        try {
            if (fields.length != columns) {
                throw new NumberFormatException(fields.length + " columns instead of " + columns);
            }
            return Long.parseLong(fields[keyColumn].strip());
        } catch (NumberFormatException e) {
            throw new DownloadException("cannot resume " + file + ": its last line is not a row this command "
                    + "writes (" + e.getMessage() + "): " + line, DownloadCommand.EXIT_INVALID_INPUT);
        }
    }

    /** Truncates the file after its last newline; returns how many bytes that removed. */
    private static long dropPartialLastLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            long end = lastNewlineBefore(raf, length) + 1;
            if (end < length) {
                raf.setLength(end);
            }
            return length - end;
        }
    }

    /** The last complete line (the file ends with a newline here). */
    private static String lastLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length() - 1; // the final newline
            long start = lastNewlineBefore(raf, end) + 1;
            byte[] bytes = new byte[(int) (end - start)];
            raf.seek(start);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Position of the last '\n' before {@code limit}, -1 if none. */
    private static long lastNewlineBefore(RandomAccessFile raf, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long position = limit;
        while (position > 0) {
            int chunk = (int) Math.min(buffer.length, position);
            position -= chunk;
            raf.seek(position);
            raf.readFully(buffer, 0, chunk);
            for (int i = chunk - 1; i >= 0; i--) {
                if (buffer[i] == '\n') {
                    return position + i;
                }
            }
        }
        return -1;
    }
}
