package io.banksuite.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} over the Confluent REST API. Ids are immutable, so schemas by id and ids by
 * (subject, schema) are cached for the life of the client; "latest" is never cached.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(10));
    }

    public RestSchemaRegistryClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        // Registries are plain-HTTP services: skip the h2c upgrade attempt of the default HTTP/2 client.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode response = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
            int id = response.path("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode response = call("POST", "/subjects/" + encode(subject), schemaBody(schema));
            int id = response.path("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode response = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        Schema schema = new Schema.Parser().parse(response.path("schema").asText());
        int id = response.path("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, id, response.path("version").asInt(), schema);
    }

    @Override
    public Schema getById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode response = call("GET", "/schemas/ids/" + id, null);
            return new Schema.Parser().parse(response.path("schema").asText());
        });
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        JsonNode response = call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                schemaBody(schema));
        return response.path("is_compatible").asBoolean(false);
    }

    @Override
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        call("PUT", "/config/" + encode(subject), body.toString());
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString()).toString();
    }

    private JsonNode call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .header("Content-Type", CONTENT_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + baseUrl + path + " failed: " + e, 0, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(method + " " + baseUrl + path + " interrupted", 0, 0, e);
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException(method + " " + baseUrl + path + " answered " + response.statusCode() + ": "
                    + json.path("message").asText(response.body()), response.statusCode(),
                    json.path("error_code").asInt(0), null);
        }
        return json;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
