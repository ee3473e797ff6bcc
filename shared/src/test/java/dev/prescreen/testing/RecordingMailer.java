package dev.prescreen.testing;

import dev.prescreen.domain.email.Mailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A mailer that keeps what it was asked to send. */
public final class RecordingMailer implements Mailer {

    private final List<OutgoingEmail> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger rejections = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    /** The provider refuses the next {@code n} messages for good, as SES does an invalid address. */
    public void rejectNext(int n) {
        rejections.set(n);
    }

    private final AtomicInteger throttles = new AtomicInteger();

    /** The provider throttles the next {@code n} messages (try again later), as SES does over its sending rate. */
    public void throttleNext(int n) {
        throttles.set(n);
    }

    /** Every message it was asked to send, refused or not. */
    public int attempts() {
        return attempts.get();
    }

    @Override
    public String send(OutgoingEmail email) {
        attempts.incrementAndGet();
        if (throttles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new Throttled("the mail service is throttling", null);
        }
        if (rejections.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new Rejected("the mail service rejected the message", null);
        }
        sent.add(email);
        return "msg-" + ids.incrementAndGet();
    }

    public List<OutgoingEmail> sent() {
        return List.copyOf(sent);
    }
}
