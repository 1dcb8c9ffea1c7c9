# Build: the same commands as the README's, in a JDK image. npm (from the base image's packages) fetches the bundled
# speech model at build time; the production build fails when the jar lacks a bundled model. Dockerfile.gpu has
# the same build stage.
FROM eclipse-temurin:25-jdk AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY frontend frontend
RUN ./mvnw -B -ntp -Pproduction -DskipTests package

# Run: a JRE with yt-dlp and ffmpeg, as a non-root user.
FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg python3 python3-pip ca-certificates curl \
 && pip3 install --break-system-packages --no-cache-dir yt-dlp \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /var/lib/tubebatch tubebatch
USER tubebatch
WORKDIR /var/lib/tubebatch
COPY --from=build /src/target/tubebatch-*.jar /opt/tubebatch/tubebatch.jar
EXPOSE 8080 8000
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/tubebatch/tubebatch.jar"]
