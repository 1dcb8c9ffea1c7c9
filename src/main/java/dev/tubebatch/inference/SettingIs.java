package dev.tubebatch.inference;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A bean condition on one setting's value, read as the properties record reads it (stripped, any case), so that
 * a choice like {@code tubebatch.inference.speech.engine} picks its bean in one place. Subclasses name the setting.
 */
public abstract class SettingIs implements Condition {

    private final String property;
    private final String defaultValue;
    private final String value;

    protected SettingIs(String property, String defaultValue, String value) {
        this.property = property;
        this.defaultValue = defaultValue;
        this.value = value;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return context.getEnvironment().getProperty(property, defaultValue).strip().equalsIgnoreCase(value);
    }
}
