# syntax=docker/dockerfile:1
# One image per service, built from the repository: docker build --build-arg SERVICE=fraud-service .
# docker-compose.yml builds all six this way, and the card processor simulator from deploy/local-infrastructure
# (ARTIFACT names the jar of a module in a sub-folder).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG SERVICE
# Keep in step with opentelemetry-javaagent.version in pom.xml (DockerComposeFileIT checks).
ARG OTEL_AGENT_VERSION=2.31.1
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests \
    && ./mvnw -B -q dependency:copy -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:${OTEL_AGENT_VERSION} \
       -DoutputDirectory=/otel -Dmdep.stripVersion=true

FROM eclipse-temurin:17-jre
ARG SERVICE
ARG ARTIFACT=${SERVICE}
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 app
COPY --from=build /src/${SERVICE}/target/${ARTIFACT}.jar /app/app.jar
COPY --from=build /otel/opentelemetry-javaagent.jar /app/opentelemetry-javaagent.jar
USER app
# Every service runs with the OpenTelemetry agent; docker-compose.yml points it at Jaeger (OTEL_* variables).
ENV SERVER_ADDRESS=0.0.0.0 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -javaagent:/app/opentelemetry-javaagent.jar"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
