package org.rnnkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tests start with ND4J's float defaults whatever ran before: the first test switches to doubles, the second
 * (run after it in the same JVM) still sees floats because {@link NumericDefaultsExtension} restored them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NumericDefaultsTest {

    @Test
    @Order(1)
    void aTestMaySwitchToDoublePrecision() {
        assertEquals(DataType.FLOAT, Nd4j.defaultFloatingPointType());
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        assertEquals(DataType.DOUBLE, Nd4j.create(2).dataType());
    }

    @Test
    @Order(2)
    void theNextTestStartsWithFloatsAgain() {
        assertEquals(DataType.FLOAT, Nd4j.defaultFloatingPointType());
        assertEquals(DataType.FLOAT, Nd4j.create(2).dataType());
    }
}
