package io.tenantry.archive;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import io.tenantry.platform.BrokenRuleException;

/**
 * An uploaded archive, kept in a private temporary file while it is imported and checked whole
 * before anything of it is used: the upload within ARCHIVE_MAX_SIZE_MB as it arrives, then one pass
 * over every entry that counts them, accepts only the format's names (each once) and expands each
 * against the limits, whatever sizes the zip declares. {@link #read} then hands each entry, in the
 * zip's order, as a stream held to the same limits. Closing deletes the file.
 */
public final class SpooledArchive implements AutoCloseable {

    /** What is done with one entry: its name, and its expanded bytes, which end where the entry ends. */
    interface EntryReader {
        void read(String name, InputStream content) throws IOException;
    }

    /** A restore point is the server's own archive, as large as its tenant: only the format's names bind it. */
    private static final ArchiveLimits POINT_LIMITS = new ArchiveLimits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
            Integer.MAX_VALUE);

    private final Path file;
    private final ArchiveLimits limits;
    private final boolean owned;

    private SpooledArchive(Path file, ArchiveLimits limits, boolean owned) {
        this.file = file;
        this.limits = limits;
        this.owned = owned;
    }

    /**
     * Spools and checks the upload. Refuses with {@link ArchiveTooLargeException} (413) an archive
     * beyond a limit, with {@link BrokenRuleException} (400) one that is not a zip or holds a name
     * outside the format or a name twice.
     */
    static SpooledArchive spool(InputStream upload, ArchiveLimits limits) {
        SpooledArchive archive;
        try {
            archive = new SpooledArchive(Files.createTempFile("tenantry-import-", ".zip"), limits, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a temporary file for an archive", e);
        }
        try {
            archive.copy(upload);
            archive.checkNames();
            return archive;
        } catch (RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    /**
     * A restore point's file, read where it is (closing leaves it), checked as {@link #spool}
     * checks an upload: a damaged or foreign file is refused with {@link BrokenRuleException}
     * before anything of it is used.
     */
    static SpooledArchive ofPoint(Path file) {
        SpooledArchive archive = new SpooledArchive(file, POINT_LIMITS, false);
        archive.checkNames();
        return archive;
    }

    /** One pass over every entry: only the format's names, each once, each expanded within the limits. */
    private void checkNames() {
        Set<String> seen = new HashSet<>();
        read((name, content) -> {
            if (!ArchiveNames.isKnown(name)) {
                throw BrokenRuleException.onField("archive", "archive.unknownEntry", ArchiveNames.printable(name));
            }
            if (!seen.add(name)) {
                throw BrokenRuleException.onField("archive", "archive.duplicateEntry", ArchiveNames.printable(name));
            }
            content.transferTo(OutputStream.nullOutputStream());
        });
    }

    /**
     * Hands every entry to the reader in order. A zip that breaks off or is damaged is refused with
     * {@link BrokenRuleException}; limits as for {@link #spool}.
     */
    void read(EntryReader reader) {
        long[] expanded = {0};
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++count > limits.maxEntries()) {
                    throw ArchiveTooLargeException.entries(limits);
                }
                reader.read(entry.getName(), new LimitedEntry(zip, entry.getName(), limits, expanded));
            }
        } catch (ZipException | EOFException | CharacterCodingException e) {
            throw unreadable(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a spooled archive", e);
        } catch (IllegalArgumentException e) {
            if (e instanceof BrokenRuleException) {
                throw e;
            }
            throw unreadable(e.getMessage()); // a name that is not UTF-8
        }
        if (count == 0) {
            throw unreadable("it is no zip archive");
        }
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the spooled archive " + file, e);
        }
    }

    private void copy(InputStream upload) {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read = upload.read(buffer); read >= 0; read = upload.read(buffer)) {
                size += read;
                if (size > limits.maxUploadBytes()) {
                    throw ArchiveTooLargeException.upload(limits);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw unreadable("the upload broke off: " + e.getMessage());
        }
    }

    static BrokenRuleException unreadable(String why) {
        return BrokenRuleException.onField("archive", "archive.unreadable", why);
    }

    /** One entry's bytes, refused once they pass the entry's limit or the archive's. */
    private static final class LimitedEntry extends FilterInputStream {

        private final String name;
        private final ArchiveLimits limits;
        private final long[] expanded;
        private long size;

        LimitedEntry(InputStream entry, String name, ArchiveLimits limits, long[] expanded) {
            super(entry);
            this.name = name;
            this.limits = limits;
            this.expanded = expanded;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read >= 0) {
                count(1);
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        /** Skipped bytes count as read: they are expanded all the same. */
        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            return scratch.length == 0 ? 0 : Math.max(read(scratch, 0, scratch.length), 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** The zip stream goes on to the next entry; closing one entry must not close it. */
        @Override
        public void close() {
            // nothing: the archive's stream is closed by read()
        }

        private void count(int read) {
            size += read;
            expanded[0] += read;
            if (size > limits.maxEntryBytes()) {
                throw ArchiveTooLargeException.entry(name, limits);
            }
            if (expanded[0] > limits.maxExpandedBytes()) {
                throw ArchiveTooLargeException.expanded(limits);
            }
        }
    }
}
