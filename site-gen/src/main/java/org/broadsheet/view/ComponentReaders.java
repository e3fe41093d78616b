package org.broadsheet.view;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Record component accessors as plain functions, made once per class by the JVM's lambda factory
 * with the access of the class that asks: a read is a call, not {@code Method.invoke}, which where
 * the JIT is C1 (the launcher's) goes through reflection's checks and, after some calls, a class it
 * generates per accessor. Templates read view records this way, and the build fingerprints them.
 */
public final class ComponentReaders {
  private final MethodHandles.Lookup lookup;

  private final ClassValue<List<Function<Object, Object>>> readers =
      new ClassValue<>() {
        @Override
        protected List<Function<Object, Object>> computeValue(Class<?> type) {
          List<Function<Object, Object>> all = new ArrayList<>();
          for (RecordComponent component : type.getRecordComponents()) {
            all.add(of(component.getAccessor()));
          }
          return List.copyOf(all);
        }
      };

  /** Readers with the access of {@code lookup}'s class ({@code MethodHandles.lookup()}). */
  public ComponentReaders(MethodHandles.Lookup lookup) {
    this.lookup = lookup;
  }

  /** The record class's component accessors, in declaration order. */
  public List<Function<Object, Object>> of(Class<? extends Record> type) {
    return readers.get(type);
  }

  /** The accessor as a function; it must be accessible to the lookup's class. */
  @SuppressWarnings("unchecked")
  public Function<Object, Object> of(Method accessor) {
    try {
      MethodHandle target = lookup.unreflect(accessor);
      return (Function<Object, Object>)
          LambdaMetafactory.metafactory(
                  lookup,
                  "apply",
                  MethodType.methodType(Function.class),
                  MethodType.methodType(Object.class, Object.class),
                  target,
                  MethodType.methodType(accessor.getReturnType(), accessor.getDeclaringClass())
                      .wrap())
              .getTarget()
              .invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    }
  }
}
