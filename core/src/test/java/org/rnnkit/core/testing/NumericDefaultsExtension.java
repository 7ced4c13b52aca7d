package org.rnnkit.core.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gives every test class and test the ND4J default data types it started with back when it ends, so a class
 * that switches to double precision ({@code Nd4j.setDefaultDataTypes}) cannot change the results of the classes
 * that run after it. Registered for all of core's tests through JUnit's extension auto-detection.
 */
public final class NumericDefaultsExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NumericDefaultsExtension.class);

    /** The two defaults: of new arrays, and of new floating-point arrays. */
    record Defaults(DataType dataType, DataType floatingPoint) {
        static Defaults current() {
            return new Defaults(Nd4j.dataType(), Nd4j.defaultFloatingPointType());
        }

        void restore() {
            Nd4j.setDefaultDataTypes(dataType, floatingPoint);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("defaults", Defaults.current());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.getStore(NAMESPACE).get("defaults", Defaults.class).restore();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("defaults", Defaults.current());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        context.getStore(NAMESPACE).get("defaults", Defaults.class).restore();
    }
}
