package io.recoup.routes.directdebit;

import io.recoup.core.event.DirectDebitEvent;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.directdebit.Pain008FileRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes stored pain.008 files into the outbox folder the bank's upload tool reads. Each file is written under a
 * hidden temporary name and renamed in one step, so the tool never sees half a file; the row is marked written in
 * the same transaction, and after a crash between the two the same bytes are written under the same name again.
 */
final class Pain008Outbox {
    private final Database db;
    private final Pain008FileRepository files;
    private final EventLog events;
    private final Path folder;

    Pain008Outbox(Database db, Pain008FileRepository files, EventLog events, Path folder) {
        this.db = db;
        this.files = files;
        this.events = events;
        this.folder = folder;
    }

    /** Returns the names of the files written. */
    List<String> deliver() {
        return db.inTransaction(() -> {
            List<String> written = new ArrayList<>();
            for (Pain008FileRepository.PendingFile file : files.claimPending()) {
                Path target = write(file);
                files.markWritten(file.id());
                events.append(new DirectDebitEvent.FileWritten(file.fileName(), target.toString()));
                written.add(file.fileName());
            }
            return written;
        });
    }

    private Path write(Pain008FileRepository.PendingFile file) {
        Path target = folder.resolve(file.fileName());
        Path temporary = folder.resolve("." + file.fileName() + ".tmp");
        try {
            Files.createDirectories(folder);
            Files.writeString(temporary, file.content(), StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.fileName() + " to the pain.008 outbox " + folder, e);
        }
    }
}
