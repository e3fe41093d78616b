package org.broadsheet.view;

/** A named, site-relative link, with a count where it labels a group (tag, section, year). */
public record Link(String name, String href, int count) {
  public static Link of(String name, String href) {
    return new Link(name, href, 0);
  }
}
