package org.rnnkit.apps;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import org.rnnkit.core.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line options generated from a settings record, so each setting is declared once, in the record: every
 * component becomes an option named after it ({@code maxLength} is {@code --max-length}), typed like it, with the
 * record's default value and the component's {@link Setting} text as help; a boolean is negatable
 * ({@code --no-bidirectional}); enum values are accepted in any case. {@link #read} builds the record from the
 * parsed options through its canonical constructor, so its validation applies.
 */
public final class SettingsOptions {

    private SettingsOptions() {
    }

    /** Adds one option per component of {@code defaults}'s record type to {@code spec}. */
    public static CommandSpec addTo(CommandSpec spec, Record defaults) {
        for (RecordComponent c : defaults.getClass().getRecordComponents()) {
            Setting doc = c.getAnnotation(Setting.class);
            if (doc == null) {
                throw new IllegalStateException(defaults.getClass().getSimpleName() + "." + c.getName()
                        + " has no @Setting text to show as help");
            }
            Object value = value(c, defaults);
            boolean flag = c.getType() == boolean.class;
            OptionSpec.Builder option = OptionSpec.builder(optionName(c)).type(c.getType())
                    .description(doc.value() + " (default: ${DEFAULT-VALUE})")
                    .defaultValue(value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(value));
            if (flag) {
                // picocli negates relative to the default: --x sets true, --no-x false, whatever the default.
                option.negatable(true).arity("0").fallbackValue("true");
            } else {
                option.paramLabel(c.getType().isEnum() ? "NAME" : c.getType() == double.class ? "X" : "N");
            }
            if (c.getType().isEnum()) {
                option.completionCandidates(enumNames(c.getType()));
            }
            spec.addOption(option.build());
        }
        return spec;
    }

    /** The record of type {@code type} holding the values parsed into {@code spec}'s generated options. */
    public static <R extends Record> R read(CommandSpec spec, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            OptionSpec option = spec.findOption(optionName(components[i]));
            if (option == null) {
                throw new IllegalStateException("no option " + optionName(components[i]) + " for " + type.getSimpleName()
                        + "." + components[i].getName() + ": add the options with SettingsOptions.addTo");
            }
            values[i] = option.getValue();
            types[i] = components[i].getType();
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw bad; // the record's own validation: a user error with its message
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName() + ": " + e, e);
        }
    }

    /** {@code --max-length} for the component {@code maxLength}. */
    static String optionName(RecordComponent c) {
        return "--" + c.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Iterable<String> enumNames(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()
                .toLowerCase(Locale.ROOT)).toList();
    }
}
