package dev.prescreen.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.json.Json;
import dev.prescreen.observability.Log;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. A function's first request after a restore runs code that has never run: classes not yet loaded,
 * nothing compiled, no connection open. So each handler, when Lambda constructs it, serves its own harmless requests
 * ({@code priming/<function>.json} in its jar: reads of ids that do not exist, in the reserved organisation
 * {@value #ORGANISATION}) a few times, and again just before the snapshot ({@code beforeCheckpoint}), so the
 * snapshot holds a function that has already served its hot path. Without SnapStart the same priming runs at init,
 * so a cold start's first request is fast there too.
 *
 * <p>Only the no-argument constructor (Lambda's) primes; tests and the local runtime construct handlers with their
 * clients and never do. Priming never fails a function: an event that throws is logged and skipped.
 */
public final class Priming<I> implements Resource {

    /** The organisation priming requests name: no recruiter's, so nothing they read exists. */
    public static final String ORGANISATION = "prescreen-priming";
    /** Rounds of the events at init: enough for the JIT's first tier to compile the request path. */
    static final int ROUNDS = 10;
    /**
     * {@code -Dprescreen.priming=off} (e.g. in {@code JAVA_TOOL_OPTIONS}) turns priming off: for the cold-start
     * benchmark's unprimed figures, and for an operator who suspects it.
     */
    public static final String SWITCH = "prescreen.priming";

    private final RequestHandler<I, ?> handler;
    private final LambdaFunction function;
    private final List<I> events;
    private final Runnable warmUp;
    private final InvocationContext context;

    private Priming(RequestHandler<I, ?> handler, LambdaFunction function, List<I> events, Runnable warmUp) {
        this.handler = handler;
        this.function = function;
        this.events = events;
        this.warmUp = warmUp;
        this.context = new InvocationContext(function.functionName(), function.memoryMb(), function.timeoutSeconds());
    }

    /**
     * Primes the handler now and registers it for SnapStart's checkpoint. The handler keeps the returned object in a
     * field: the CRaC context holds its resources weakly.
     */
    public static <I> Priming<I> atInitialisation(RequestHandler<I, ?> handler) {
        return atInitialisation(handler, () -> { });
    }

    /**
     * The same, with work of the hot path no harmless request reaches (it lies behind a read that finds nothing):
     * scoring a sample answer, say. It must have no effect outside the process.
     */
    public static <I> Priming<I> atInitialisation(RequestHandler<I, ?> handler, Runnable warmUp) {
        if ("off".equals(System.getProperty(SWITCH))) {
            return null;
        }
        try {
            Priming<I> priming = of(handler, warmUp);
            long start = System.nanoTime();
            int served = priming.run(ROUNDS);
            settle();
            Core.getGlobalContext().register(priming);
            Log.info("priming.done", Map.of("function", priming.function.functionName(), "served", served,
                    "millis", (System.nanoTime() - start) / 1_000_000));
            return priming;
        } catch (RuntimeException | LinkageError e) {
            // unprimed is slower, never broken: the requests that reach the failing code fail as they would have
            Log.warn("priming.failed", Map.of("handler", handler.getClass().getSimpleName(),
                    "error", e.getClass().getSimpleName()));
            return null;
        }
    }

    /** The handler's priming events, as its function's priming file gives them (a test replays them). */
    public static <I> List<I> eventsOf(RequestHandler<I, ?> handler) {
        return events(handler.getClass(), functionOf(handler.getClass()));
    }

    /** The handler with its function's priming events, not yet run. */
    static <I> Priming<I> of(RequestHandler<I, ?> handler, Runnable warmUp) {
        LambdaFunction function = functionOf(handler.getClass());
        return new Priming<>(handler, function, events(handler.getClass(), function), warmUp);
    }

    /**
     * Whether a scheduled function's event asks for priming ({@code {"priming": true}}; its schedules send
     * {@code {}}): the function then runs its job over a range that holds nothing, so the same code runs to no effect.
     */
    public static boolean requested(java.util.Map<String, Object> event) {
        return event != null && Boolean.TRUE.equals(event.get("priming"));
    }

    /** For a job over records older than a duration: the duration back to 1970, before any record. */
    public static java.time.Duration olderThanAnyRecord(java.time.Clock clock) {
        return java.time.Duration.between(java.time.Instant.EPOCH, clock.instant());
    }

    /** Serves every event {@code rounds} times; returns how many were served without an exception. */
    int run(int rounds) {
        int served = 0;
        for (int round = 0; round < rounds; round++) {
            try {
                warmUp.run();
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
            for (I event : events) {
                try {
                    handler.handleRequest(event, context);
                    served++;
                } catch (RuntimeException | LinkageError e) {
                    failed(e);
                }
            }
        }
        return served;
    }

    private void failed(Throwable e) {
        Log.warn("priming.failed", Map.of("function", function.functionName(), "error", e.getClass().getSimpleName()));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        run(1);
        settle();
    }

    /**
     * Collects what priming left on the heap, so that the first real request does not pay for a collection that
     * priming's garbage made due (and a SnapStart snapshot holds less).
     */
    private static void settle() {
        System.gc();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to redo: the SDK clients reconnect on their own when a pooled connection is stale.
    }

    private static LambdaFunction functionOf(Class<?> type) {
        for (LambdaFunction function : LambdaFunction.values()) {
            if (function.handlerClass().equals(type.getName())) {
                return function;
            }
        }
        throw new IllegalStateException(type.getName() + " is no function's handler in the catalog");
    }

    @SuppressWarnings("unchecked")
    private static <I> List<I> events(Class<?> type, LambdaFunction function) {
        String resource = "priming/" + function.functionName() + ".json";
        Class<I> input = (Class<I>) inputType(type);
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " in the jar of " + type.getName());
            }
            ObjectMapper mapper = Json.lambdaEvents();
            List<I> events = new ArrayList<>();
            for (JsonNode event : mapper.readTree(in)) {
                events.add(mapper.treeToValue(event, input));
            }
            return List.copyOf(events);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The event type of the handler's {@code handleRequest}, as Lambda's runtime finds it. */
    public static Class<?> inputType(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2 && !method.isBridge()) {
                return method.getParameterTypes()[0];
            }
        }
        return Object.class;
    }
}
