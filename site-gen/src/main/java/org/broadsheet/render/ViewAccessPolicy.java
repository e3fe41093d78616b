package org.broadsheet.render;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import java.lang.reflect.Modifier;

/**
 * What a template may call on a Java object: the accessors and other instance methods of
 * Broadsheet's view records, nothing else. No constructors, no fields, no static methods, and
 * nothing inherited from {@code Object} or the JDK ({@code getClass()} would lead to class loaders
 * and reflection). Strings, numbers, lists and maps reach templates as FreeMarker values, not as
 * Java objects.
 */
final class ViewAccessPolicy implements MemberAccessPolicy {
  private static final String VIEWS = "org.broadsheet.";

  private static final ClassMemberAccessPolicy VIEW_METHODS =
      new ClassMemberAccessPolicy() {
        @Override
        public boolean isMethodExposed(java.lang.reflect.Method method) {
          Class<?> owner = method.getDeclaringClass();
          return owner.isRecord()
              && owner.getName().startsWith(VIEWS)
              && !Modifier.isStatic(method.getModifiers());
        }

        @Override
        public boolean isConstructorExposed(java.lang.reflect.Constructor<?> constructor) {
          return false;
        }

        @Override
        public boolean isFieldExposed(java.lang.reflect.Field field) {
          return false;
        }
      };

  @Override
  public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
    return VIEW_METHODS;
  }

  @Override
  public boolean isToStringAlwaysExposed() {
    return true;
  }
}
