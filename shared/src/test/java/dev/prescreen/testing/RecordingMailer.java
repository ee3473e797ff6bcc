package dev.prescreen.testing;

import dev.prescreen.domain.email.Mailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A mailer that keeps what it was asked to send. */
public final class RecordingMailer implements Mailer {

    private final List<OutgoingEmail> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public String send(OutgoingEmail email) {
        sent.add(email);
        return "msg-" + ids.incrementAndGet();
    }

    public List<OutgoingEmail> sent() {
        return List.copyOf(sent);
    }
}
