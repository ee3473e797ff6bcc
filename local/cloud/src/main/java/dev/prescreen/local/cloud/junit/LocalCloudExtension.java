package dev.prescreen.local.cloud.junit;

import dev.prescreen.local.cloud.LocalCloud;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local cloud once per test run (random ports, transient data) and hands it to tests that
 * ask for a {@link LocalCloud} parameter. It is stopped when the test run ends.
 */
public final class LocalCloudExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCloud.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cloud(context);
    }

    public static LocalCloud cloud(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> new Running(LocalCloud.builder().start()), Running.class)
                .cloud;
    }

    private record Running(LocalCloud cloud) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            cloud.close();
        }
    }
}
