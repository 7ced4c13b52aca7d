package org.rnnkit.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a settings record where programs can read it: a command line builds its options
 * (name, default, help) from the record's components, their {@code Setting} text and the record's defaults, so a
 * setting is declared once.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})
public @interface Setting {

    /** What the setting does, in one sentence. */
    String value();
}
