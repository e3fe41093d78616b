package org.broadsheet.render;

import freemarker.ext.beans.GenericObjectModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.broadsheet.view.ComponentReaders;
import org.broadsheet.view.Messages;

/**
 * FreeMarker's {@link DefaultObjectWrapper}, with the view records' components read without
 * reflection. FreeMarker exposes a record's component {@code title()} to templates as {@code
 * c.title}; its bean model finds it on every read through the class's introspection data, a lock
 * and {@code Method.invoke}, which took a third of the time of rendering an article page. Here a
 * public view record is wrapped in the same bean model ({@link GenericObjectModel}: the same
 * methods, policy, string value and built-ins), whose read of a component calls a plain accessor
 * function made once per component and wraps its value as FreeMarker would. The theme's strings,
 * {@code t("key", ...)} and {@code tn("key", n, ...)} of {@link Messages}, called some thirty times
 * a page, are called directly too: through the bean model's varargs method call they took a twelfth
 * of rendering. A name a view's class does not know is looked up once. Everything else (other
 * methods, bean getters) takes FreeMarker's own path.
 */
final class ViewObjectWrapper extends DefaultObjectWrapper {
  private static final String VIEWS = "org.broadsheet.";

  /**
   * How templates read a record class ({@link Shape}); no components for classes read the bean
   * model's way.
   */
  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return new Shape(components(type), ConcurrentHashMap.newKeySet(), !hasGenericGet(type));
        }
      };

  /** Names asked of a class and not known to it that are remembered, at most. */
  private static final int MOST_UNKNOWN = 256;

  /** What FreeMarker's {@code wrap} wraps as such before it takes a value for a bean. */
  private static final List<Class<?>> WRAPPED_OTHERWISE =
      List.of(
          TemplateModel.class,
          Collection.class,
          Map.class,
          Iterator.class,
          Enumeration.class,
          Iterable.class);

  private static final ComponentReaders READERS = new ComponentReaders(MethodHandles.lookup());

  /** A component: its place among the record's components, and how it is read. */
  record Component(int slot, Function<Object, Object> read) {}

  /**
   * A view record class: its components by name, and the names a template asked of it that its bean
   * model knew nothing of ({@code <@cached>} is looked for in the page's view first, some ten times
   * a page), answered at once from then on, where {@code remembers}: the class has no generic
   * {@code get(String)}, whose answer could change.
   */
  private record Shape(Map<String, Component> components, Set<String> unknown, boolean remembers) {}

  ViewObjectWrapper(DefaultObjectWrapperBuilder configuration) {
    super(configuration, true);
  }

  /**
   * A string, a boolean or a view record wrapped at once, as FreeMarker's {@code wrap} would wrap
   * it; anything else as FreeMarker does. FreeMarker asks first whether the value is a template
   * model, a collection, a map, an iterator ...: for a class that is none of them, each question is
   * a scan of the class's interfaces where the JIT is C1 (the launcher's), and a page's views hand
   * it some hundred values. A record that is one of them is no view ({@link #components}).
   */
  @Override
  public TemplateModel wrap(Object obj) throws TemplateModelException {
    if (obj instanceof String s) {
      return new SimpleScalar(s);
    }
    if (obj instanceof Boolean b) {
      return b ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
    }
    if (obj instanceof Record) {
      Shape shape = SHAPES.get(obj.getClass());
      if (!shape.components().isEmpty()) {
        return new View(obj, this, shape);
      }
    }
    return super.wrap(obj);
  }

  /**
   * A view record: FreeMarker's bean model, but for the read of a component, which is wrapped once
   * per model: a record does not change, and the models FreeMarker wraps its values in (strings,
   * numbers, list and map adapters, other views) are read-only. A page's {@code ${page.root}}, read
   * some twenty times, wraps its {@code PageInfo} once.
   */
  private static final class View extends GenericObjectModel {
    private final Shape shape;
    private TemplateModel[] read;

    View(Object record, ViewObjectWrapper wrapper, Shape shape) {
      super(record, wrapper);
      this.shape = shape;
    }

    @Override
    protected TemplateModel get(String key, boolean beforeMethodCall)
        throws TemplateModelException, ShouldNotBeGetAsMethodException {
      if (object instanceof Messages messages && (key.equals("t") || key.equals("tn"))) {
        return new Strings(messages, key.equals("tn"), (ViewObjectWrapper) wrapper);
      }
      Component component = beforeMethodCall ? null : shape.components().get(key);
      if (component == null) {
        if (!beforeMethodCall && shape.unknown().contains(key)) {
          return null; // what the bean model answered the first time
        }
        TemplateModel model = super.get(key, beforeMethodCall);
        if (model == null
            && !beforeMethodCall
            && shape.remembers()
            && shape.unknown().size() < MOST_UNKNOWN) {
          shape.unknown().add(key);
        }
        return model;
      }
      if (read == null) {
        read = new TemplateModel[shape.components().size()];
      }
      TemplateModel model = read[component.slot()];
      if (model == null) {
        model = wrapper.wrap(component.read().apply(object));
        read[component.slot()] = model;
      }
      return model;
    }
  }

  /**
   * {@link Messages#t} or {@link Messages#tn} as a template method: the key a string, tn's count a
   * whole number, the other arguments unwrapped as FreeMarker unwraps them for {@code Object...}.
   */
  private record Strings(Messages messages, boolean plural, ViewObjectWrapper wrapper)
      implements TemplateMethodModelEx {
    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
      int fixed = plural ? 2 : 1;
      String name = plural ? "tn" : "t";
      if (arguments.size() < fixed
          || !(arguments.get(0) instanceof TemplateScalarModel key)
          || plural && !(arguments.get(1) instanceof TemplateNumberModel)) {
        throw new TemplateModelException(
            name
                + (plural ? "(key, n, ...)" : "(key, ...)")
                + ": the key must be a string"
                + (plural ? " and n a number" : ""));
      }
      Object[] rest = new Object[arguments.size() - fixed];
      for (int i = 0; i < rest.length; i++) {
        TemplateModel argument = (TemplateModel) arguments.get(fixed + i);
        rest[i] = argument == null ? null : wrapper.unwrap(argument);
      }
      if (!plural) {
        return new SimpleScalar(messages.t(key.getAsString(), rest));
      }
      Number n = ((TemplateNumberModel) arguments.get(1)).getAsNumber();
      if (n.doubleValue() != n.longValue()) {
        throw new TemplateModelException("tn(key, n, ...): n must be a whole number, not " + n);
      }
      return new SimpleScalar(messages.tn(key.getAsString(), n.longValue(), rest));
    }
  }

  /**
   * The components of a public record of Broadsheet's that {@link ViewAccessPolicy} lets templates
   * read, each as a function. A component whose accessor is named like a JavaBeans getter ({@code
   * getX}, or {@code isX} of a boolean) is left out: FreeMarker may expose it otherwise. Other
   * methods are left to FreeMarker, which calls them at every read and reports what they throw.
   */
  static Map<String, Component> components(Class<?> type) {
    if (!type.isRecord()
        || !type.getName().startsWith(VIEWS)
        || !Modifier.isPublic(type.getModifiers())
        || WRAPPED_OTHERWISE.stream().anyMatch(kind -> kind.isAssignableFrom(type))) {
      return Map.of();
    }
    Map<String, Component> byName = new HashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Method accessor = component.getAccessor();
      String name = accessor.getName();
      if (!Modifier.isPublic(accessor.getModifiers()) || beanLike(name, accessor.getReturnType())) {
        continue;
      }
      byName.put(name, new Component(byName.size(), READERS.of(accessor)));
    }
    return Map.copyOf(byName);
  }

  /**
   * Whether the bean model would ask {@code type} for unknown names: a public {@code get(String)}.
   */
  private static boolean hasGenericGet(Class<?> type) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals("get")
          && method.getParameterCount() == 1
          && method.getParameterTypes()[0].isAssignableFrom(String.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean beanLike(String name, Class<?> type) {
    return name.startsWith("get") && name.length() > 3
        || name.startsWith("is")
            && name.length() > 2
            && (type == boolean.class || type == Boolean.class);
  }
}
