# The application image: built from this repository, run with the prod profile (see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY processes processes
RUN mvn -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1001 soket
WORKDIR /app
COPY --from=build /src/target/model-unit-review-*.jar app.jar
USER soket
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=prod TZ=Asia/Ho_Chi_Minh
ENTRYPOINT ["java", "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8", "-jar", "/app/app.jar"]
