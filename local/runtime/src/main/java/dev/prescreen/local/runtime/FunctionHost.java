package dev.prescreen.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.prescreen.aws.AwsClients;
import dev.prescreen.cloud.LambdaFunction;
import dev.prescreen.config.Settings;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Holds one instance of every function's handler, built once like a warm Lambda container, and invokes
 * them with a Lambda context. Keeps each function's invocation count and time for the cost model.
 */
public final class FunctionHost {

    private final Map<LambdaFunction, RequestHandler<Object, Object>> handlers = new EnumMap<>(LambdaFunction.class);
    private final Map<LambdaFunction, Usage> usage = new ConcurrentHashMap<>();

    public FunctionHost(AwsClients clients, Settings settings, Map<LambdaFunction, RequestHandler<?, ?>> overrides) {
        for (LambdaFunction function : LambdaFunction.values()) {
            RequestHandler<?, ?> handler = overrides.containsKey(function)
                    ? overrides.get(function)
                    : construct(function, clients, settings.restrictedTo(function.settingKeys()));
            handlers.put(function, cast(handler));
            usage.put(function, new Usage());
        }
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> cast(RequestHandler<?, ?> handler) {
        return (RequestHandler<Object, Object>) handler;
    }

    private static RequestHandler<?, ?> construct(LambdaFunction function, AwsClients clients, Settings settings) {
        try {
            Class<?> type = Class.forName(function.handlerClass());
            return (RequestHandler<?, ?>) type.getConstructor(AwsClients.class, Settings.class)
                    .newInstance(clients, settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + function.handlerClass()
                    + " with (AwsClients, Settings): " + e, e);
        }
    }

    /** Invokes the function as Lambda would; the handler's exceptions propagate like a failed invocation. */
    @SuppressWarnings("unchecked")
    public <O> O invoke(LambdaFunction function, Object event) {
        long start = System.nanoTime();
        try {
            return (O) handlers.get(function).handleRequest(event,
                    new dev.prescreen.lambda.InvocationContext(function.functionName(), function.memoryMb(), function.timeoutSeconds()));
        } finally {
            Usage counter = usage.get(function);
            counter.invocations.increment();
            counter.nanos.add(System.nanoTime() - start);
        }
    }

    /** Invocations and total duration per function since start. */
    public Map<LambdaFunction, long[]> usage() {
        Map<LambdaFunction, long[]> snapshot = new EnumMap<>(LambdaFunction.class);
        usage.forEach((function, counter) -> snapshot.put(function,
                new long[] {counter.invocations.sum(), counter.nanos.sum() / 1_000_000}));
        return snapshot;
    }

    private static final class Usage {
        final LongAdder invocations = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }
}
