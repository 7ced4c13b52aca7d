/**
 * The translator recipe: its settings, declared once ({@link org.rnnkit.core.translate.TranslatorSettings}), and
 * the trainer that builds a {@link org.rnnkit.core.task.Translator} from sentence pairs.
 */
package org.rnnkit.core.translate;
