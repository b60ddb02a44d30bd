package io.labgate.organization;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A Korean business registration number with a correct check digit; {@code null} passes (use @NotBlank). */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidBusinessRegistrationNumber.Validator.class)
public @interface ValidBusinessRegistrationNumber {

    String message() default
            "must be a valid business registration number: 10 digits, written 123-45-67890 "
                    + "or 1234567890, with a correct check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link BusinessRegistrationNumber}. */
    class Validator implements ConstraintValidator<ValidBusinessRegistrationNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || BusinessRegistrationNumber.isValid(value);
        }
    }
}
