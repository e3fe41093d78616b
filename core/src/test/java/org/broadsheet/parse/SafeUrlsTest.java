package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUrlsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "JaVaScRiPt:x",
        " javascript:x",
        "\u0001javascript:x",
        "\u0000 javascript:x",
        "java\tscript:x",
        "java\nscript:x",
        "java\r\nscript:x",
        "&#106;avascript:x",
        "&#x6A;avascript:x",
        "&#106avascript:x",
        "&#0000106;avascript:x",
        "javascript&colon;x",
        "java&Tab;script:x",
        "java&NewLine;script:x",
        "&#32;javascript:x",
        "Data:text/html,x",
        "data:image/svg+xml,x",
        "vbscript:x",
        "VBScript:x",
        "file:///etc/passwd",
        "ftp://example.org/",
        "c:\\x",
        "x-custom+scheme.1:y",
        "javascript:x\u0000 "
      })
  void scriptAndOtherSchemesAreUnsafe(String url) {
    assertFalse(SafeUrls.isSafe(url), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/",
        "HTTP://EXAMPLE.ORG",
        "  https://example.org/  ",
        "mailto:a@b.c",
        "tel:+43",
        "../a/",
        "/a/b",
        "a/b:c",
        "#top",
        "?q=javascript:x",
        "",
        "//example.org/x",
        "./javascript:x",
        "javascript%3Ax",
        "\u00A0javascript:x",
        "jav\u0430script:x",
        "&amp;#106;avascript:x"
      })
  void httpMailTelRelativeAndFragmentsAreSafe(String url) {
    assertTrue(SafeUrls.isSafe(url), url);
  }

  @Test
  void theSchemeIsReadAsByTheUrlStandard() {
    assertEquals("javascript", SafeUrls.scheme("\t JaVa\nScript:alert(1)"));
    assertEquals("", SafeUrls.scheme("1http:x"));
    assertEquals("", SafeUrls.scheme("/x:y"));
    assertEquals("", SafeUrls.scheme("java script:x"));
    assertEquals(
        "",
        SafeUrls.scheme("\u212Aey:x"),
        "the Kelvin sign is no ASCII letter, even though it lowercases to k");
  }

  @Test
  void characterReferencesAreDecodedAsInAnAttribute() {
    assertEquals("javascript:", SafeUrls.decodeReferences("&#106;avascript&colon;"));
    assertEquals("ja", SafeUrls.decodeReferences("&#x6a&#97"));
    assertEquals("&nosuch; &amp", SafeUrls.decodeReferences("&nosuch; &amp"));
    assertEquals("\uFFFD\uFFFD", SafeUrls.decodeReferences("&#0;&#x110000;"));
  }
}
