package org.rnnkit.core;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
class SmokeTest {
  @Test void nd4j() {
    System.out.println(Nd4j.getBackend().getClass() + " " + Nd4j.create(new double[]{1,2}).sumNumber());
  }
}
