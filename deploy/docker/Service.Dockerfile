# syntax=docker/dockerfile:1
#
# One recipe for every Apf service image. Build arg PROJECT names the project to publish:
#   docker build -f deploy/docker/Service.Dockerfile --build-arg PROJECT=services/Apf.Scheduler/Apf.Scheduler.csproj -t apf/scheduler .
# Why one file and not seven: the services are built the same way from the same tree (shared/, Directory.*.props),
# so the base images, the non-root user, the health probe and the publish flags live in one place and cannot drift.
# The build context is the repository root (see .dockerignore).

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG PROJECT
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY shared/ shared/
COPY aspire/Apf.ServiceDefaults/ aspire/Apf.ServiceDefaults/
COPY deploy/healthprobe/ deploy/healthprobe/
COPY services/ services/
# The NuGet cache mount keeps restores fast across builds without baking packages into a layer.
RUN --mount=type=cache,id=apf-nuget,target=/root/.nuget/packages \
    if [ -z "${PROJECT}" ]; then echo "build arg PROJECT is required, e.g. services/Apf.Scheduler/Apf.Scheduler.csproj" >&2; exit 2; fi \
 && dotnet publish "${PROJECT}" -c Release -o /out/app \
 && dotnet publish deploy/healthprobe/Apf.HealthProbe.csproj -c Release -o /out/probe \
 && assembly="$(dotnet msbuild "${PROJECT}" -getProperty:AssemblyName)" \
 && test -x "/out/app/${assembly}" \
 && ln -s "${assembly}" /out/app/apf-service

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
COPY --from=build /out/probe /opt/apf/probe
COPY --from=build /out/app /app
# ASPNETCORE_HTTP_PORTS=8080 comes from the base image: /health, /alive and the service's own HTTP API listen there.
ENV DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=true
EXPOSE 8080
# Working area for plugins that keep files (the local-process submitter's pilot scripts and logs); a named volume
# mounted here inherits this ownership, so the non-root user can write to it.
RUN install -d -o "$APP_UID" -g "$APP_UID" -m 0750 /var/lib/apf
# APP_UID (1654, user "app") is defined by the base image.
USER $APP_UID
# The aspnet image has no curl or wget: the probe is a tiny .NET program (deploy/healthprobe) run by the same runtime.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["dotnet", "/opt/apf/probe/apf-healthprobe.dll", "http://127.0.0.1:8080/health"]
ENTRYPOINT ["/app/apf-service"]
