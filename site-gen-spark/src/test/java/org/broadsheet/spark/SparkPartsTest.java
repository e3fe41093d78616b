package org.broadsheet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparkPartsTest {
  @Test
  void partsFillWholeWavesOfTheCores() {
    assertEquals(6, SparkBuild.parts(0, 2, 10_000), "5 parts of 2,000 would leave a core idle");
    assertEquals(5, SparkBuild.parts(0, 1, 10_000));
    assertEquals(2, SparkBuild.parts(0, 2, 26), "a small site: a part per core");
    assertEquals(1, SparkBuild.parts(0, 1, 0));
    assertEquals(52, SparkBuild.parts(0, 4, 100_001), "51 parts of 2,000, rounded up to 52");
    assertEquals(7, SparkBuild.parts(7, 2, 10_000), "as asked");
  }
}
