package io.banksuite.transaction.adapter.in.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.banksuite.transaction.domain.FieldError;
import io.banksuite.transaction.domain.InvalidRequestException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body into its draft record strictly, naming every field it refuses at once: a field the record
 * does not have ("is not a field of this request"), and a value of the wrong JSON type (every draft field is a JSON
 * string, amounts included: a JSON number would have passed through some client's binary floating point before it
 * got here). Duplicate keys never get this far: the service's JSON parser refuses them
 * ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}). What passes is bound as the record; the validators then
 * check the values.
 */
@Component
public class StrictJsonBody {

    private final JsonMapper json;

    public StrictJsonBody(JsonMapper json) {
        this.json = json;
    }

    /**
     * Binds the body and validates it, so that one answer names every bad field: those refused here, and those the
     * validator refuses among the rest (a field refused here is not named twice).
     *
     * @param validate the draft's validator; it throws {@link InvalidRequestException} for bad values
     * @throws InvalidRequestException naming each refused field, when any is
     */
    public <T extends Record, R> R read(JsonNode body, Class<T> type, Function<T, R> validate) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(List.of(new FieldError("body", "is required and must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        check(body, type, "", errors);
        T draft;
        try {
            // Unknown fields are skipped and a number binds as its text: both were named above.
            draft = json.treeToValue(body, type);
        } catch (JacksonException e) {
            // A value of the wrong shape (an object where text is expected) gets here, and it was named above.
            if (errors.isEmpty()) {
                throw e;
            }
            throw new InvalidRequestException(errors);
        }
        R valid;
        try {
            valid = validate.apply(draft);
        } catch (InvalidRequestException invalid) {
            Set<String> named = errors.stream().map(FieldError::field).collect(Collectors.toSet());
            invalid.errors().stream().filter(error -> !named.contains(error.field())).forEach(errors::add);
            throw new InvalidRequestException(errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return valid;
    }

    private static void check(JsonNode object, Class<?> type, String prefix, List<FieldError> errors) {
        Map<String, Type> fields = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getGenericType));
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String path = prefix + property.getKey();
            Type fieldType = fields.get(property.getKey());
            if (fieldType == null) {
                errors.add(new FieldError(path, "is not a field of this request"));
            } else {
                checkValue(property.getValue(), fieldType, path, errors);
            }
        }
    }

    private static void checkValue(JsonNode value, Type type, String path, List<FieldError> errors) {
        if (value.isNull()) {
            return;
        }
        if (type == String.class) {
            if (!value.isString()) {
                errors.add(new FieldError(path, "must be a JSON string"));
            }
        } else if (type instanceof Class<?> record && record.isRecord()) {
            if (value.isObject()) {
                check(value, record, path + ".", errors);
            } else {
                errors.add(new FieldError(path, "must be a JSON object"));
            }
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (!value.isArray()) {
                errors.add(new FieldError(path, "must be a JSON array"));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                checkValue(value.get(i), list.getActualTypeArguments()[0], path + "[" + i + "]", errors);
            }
        } else {
            throw new IllegalStateException("A request draft field of type " + type + " (" + path + ")");
        }
    }
}
