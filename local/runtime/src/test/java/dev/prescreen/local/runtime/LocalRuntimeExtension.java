package dev.prescreen.local.runtime;

import dev.prescreen.local.cloud.junit.LocalCloudExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** One local runtime (with every function) on the shared local cloud, for the whole test run. */
final class LocalRuntimeExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalRuntime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class,
                        // webhook retries a second apart rather than 30 s, so the tests see them
                        key -> new Running(LocalRuntime.builder().cloud(LocalCloudExtension.cloud(context))
                                .setting(dev.prescreen.config.Settings.WEBHOOK_FIRST_RETRY_MILLIS, "400").start()),
                        Running.class)
                .runtime;
    }

    private record Running(LocalRuntime runtime) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            runtime.close();
        }
    }
}
