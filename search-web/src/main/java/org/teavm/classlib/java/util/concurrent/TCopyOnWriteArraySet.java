package org.teavm.classlib.java.util.concurrent;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * {@code java.util.concurrent.CopyOnWriteArraySet} for TeaVM: an insertion-ordered set over a
 * copied list.
 */
public class TCopyOnWriteArraySet<E> extends AbstractSet<E> {
  private List<E> items = new ArrayList<>();

  public TCopyOnWriteArraySet() {}

  public TCopyOnWriteArraySet(Collection<? extends E> c) {
    addAll(c);
  }

  @Override
  public boolean add(E e) {
    if (items.contains(e)) {
      return false;
    }
    List<E> copy = new ArrayList<>(items);
    copy.add(e);
    items = copy;
    return true;
  }

  @Override
  public boolean remove(Object o) {
    if (!items.contains(o)) {
      return false;
    }
    List<E> copy = new ArrayList<>(items);
    copy.remove(o);
    items = copy;
    return true;
  }

  @Override
  public boolean contains(Object o) {
    return items.contains(o);
  }

  @Override
  public Iterator<E> iterator() {
    Iterator<E> it = items.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public E next() {
        return it.next();
      }
    };
  }

  @Override
  public int size() {
    return items.size();
  }
}
