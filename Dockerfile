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

# Run: a JRE with yt-dlp, the JavaScript runtime current yt-dlp needs for YouTube (Deno) and ffmpeg, as a non-root
# user. Both versions are pinned build arguments: YouTube changes often, so rebuild with a newer yt-dlp when the
# System view or /actuator/health says it is older than 60 days, e.g.
#   docker build --build-arg YTDLP_VERSION=2025.12.08 --build-arg DENO_VERSION=2.6.0 .
FROM eclipse-temurin:25-jre
ARG YTDLP_VERSION=2025.11.12
ARG DENO_VERSION=2.5.6
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg python3 python3-pip ca-certificates curl unzip \
 && pip3 install --break-system-packages --no-cache-dir "yt-dlp[default]==${YTDLP_VERSION}" \
 && curl -fsSL -o /tmp/deno.zip \
      "https://github.com/denoland/deno/releases/download/v${DENO_VERSION}/deno-x86_64-unknown-linux-gnu.zip" \
 && unzip -q /tmp/deno.zip -d /usr/local/bin && rm /tmp/deno.zip && deno --version \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /var/lib/tubebatch tubebatch
USER tubebatch
WORKDIR /var/lib/tubebatch
COPY --from=build /src/target/tubebatch-*.jar /opt/tubebatch/tubebatch.jar
EXPOSE 8080 8000
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/tubebatch/tubebatch.jar"]
