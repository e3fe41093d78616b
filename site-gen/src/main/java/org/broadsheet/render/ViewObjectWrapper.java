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
 * of rendering. Everything else (other methods, unknown names) takes FreeMarker's own path.
 */
final class ViewObjectWrapper extends DefaultObjectWrapper {
  private static final String VIEWS = "org.broadsheet.";

  /** A record class's components by name; empty for classes read the bean model's way. */
  private static final ClassValue<Map<String, Component>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Map<String, Component> computeValue(Class<?> type) {
          return components(type);
        }
      };

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
      Map<String, Component> components = COMPONENTS.get(obj.getClass());
      if (!components.isEmpty()) {
        return new View(obj, this, components);
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
    private final Map<String, Component> components;
    private TemplateModel[] read;

    View(Object record, ViewObjectWrapper wrapper, Map<String, Component> components) {
      super(record, wrapper);
      this.components = components;
    }

    @Override
    protected TemplateModel get(String key, boolean beforeMethodCall)
        throws TemplateModelException, ShouldNotBeGetAsMethodException {
      if (object instanceof Messages messages && (key.equals("t") || key.equals("tn"))) {
        return new Strings(messages, key.equals("tn"), (ViewObjectWrapper) wrapper);
      }
      Component component = beforeMethodCall ? null : components.get(key);
      if (component == null) {
        return super.get(key, beforeMethodCall);
      }
      if (read == null) {
        read = new TemplateModel[components.size()];
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
   * getX}, {@code isX}) is left out: FreeMarker may expose it otherwise.
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
      if (!Modifier.isPublic(accessor.getModifiers()) || beanLike(name)) {
        continue;
      }
      byName.put(name, new Component(byName.size(), READERS.of(accessor)));
    }
    return Map.copyOf(byName);
  }

  private static boolean beanLike(String name) {
    return name.startsWith("get") && name.length() > 3
        || name.startsWith("is") && name.length() > 2;
  }
}
