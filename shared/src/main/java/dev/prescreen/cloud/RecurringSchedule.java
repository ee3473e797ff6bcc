package dev.prescreen.cloud;

/**
 * Schedules that run all the time (EventBridge Scheduler recurring schedules in AWS, the local
 * runtime's scheduler locally), each invoking a function.
 */
public enum RecurringSchedule {
    /** Finishes transcriptions whose state-change event was lost. */
    TRANSCRIPTION_RECONCILER("rate(5 minutes)", LambdaFunction.TRANSCRIPTION_RECONCILER),
    /** Hands on again answers, interviews and reports a crash left between two stages. */
    PIPELINE_RECONCILER("rate(5 minutes)", LambdaFunction.PIPELINE_RECONCILER),
    /** Reminds candidates whose link expires within a day, and expires overdue links. */
    REMINDERS("rate(1 hour)", LambdaFunction.REMINDERS),
    /** Deletes recordings past their plan's retention. */
    RETENTION_SWEEP("rate(1 day)", LambdaFunction.RETENTION_SWEEPER);

    private final String expression;
    private final LambdaFunction target;

    RecurringSchedule(String expression, LambdaFunction target) {
        this.expression = expression;
        this.target = target;
    }

    /** A Scheduler expression, e.g. {@code rate(1 hour)}. */
    public String expression() {
        return expression;
    }

    public LambdaFunction target() {
        return target;
    }

    public String scheduleName() {
        return "prescreen-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
