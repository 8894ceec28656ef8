# syntax=docker/dockerfile:1
#
# The submitter with Slurm's client commands (sbatch, squeue, scancel) and munge, on Debian so that the Slurm
# client matches the cluster: DEBIAN_RELEASE=bookworm gives Slurm 22.05, trixie gives 24.11. Slurm supports
# clients and controllers at most two major releases apart; pick the release nearest your slurmctld.
#   docker build -f deploy/docker/Submitter.Slurm.Dockerfile --build-arg DEBIAN_RELEASE=bookworm -t apf/submitter-slurm .
# .NET 10 ships no Debian runtime image, so the submitter is published self-contained onto debian:<release>-slim.
# At run time mount the cluster's slurm.conf at /etc/slurm/slurm.conf and either the munge key at
# /etc/munge/munge.key (a private munged starts) or the host's munge socket directory at /run/munge.
# Pilots are submitted as the container user: build with APF_UID set to the uid of the account the cluster knows.

ARG DOTNET_VERSION=10.0
ARG DEBIAN_RELEASE=bookworm

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG PROJECT=services/Apf.Submitter/Apf.Submitter.csproj
ARG RUNTIME_ID=linux-x64
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY shared/ shared/
COPY aspire/Apf.ServiceDefaults/ aspire/Apf.ServiceDefaults/
COPY services/ services/
RUN --mount=type=cache,id=apf-nuget,target=/root/.nuget/packages \
    dotnet publish "${PROJECT}" -c Release -r "${RUNTIME_ID}" --self-contained true -o /out/app \
 && assembly="$(dotnet msbuild "${PROJECT}" -getProperty:AssemblyName)" \
 && test -x "/out/app/${assembly}" \
 && ln -s "${assembly}" /out/app/apf-service

FROM debian:${DEBIAN_RELEASE}-slim AS runtime
ARG APF_UID=1654
# slurm-client: sbatch/squeue/scancel; munge: the daemon and client that sign Slurm's requests;
# curl: the health probe; openssl pulls the libssl the .NET runtime loads (libssl3 or libssl3t64 by release).
RUN apt-get update \
 && apt-get install -y --no-install-recommends slurm-client munge curl ca-certificates openssl tzdata libstdc++6 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid "${APF_UID}" --user-group --create-home --shell /usr/sbin/nologin apf \
 && install -d -o apf -g apf -m 0755 /run/munge \
 && install -d -o apf -g apf -m 0700 /var/lib/apf-munge
COPY --chmod=0755 deploy/docker/slurm-entrypoint.sh /usr/local/bin/apf-slurm-entrypoint
COPY --from=build /out/app /app
WORKDIR /app
ENV DOTNET_RUNNING_IN_CONTAINER=true \
    ASPNETCORE_HTTP_PORTS=8080 \
    SLURM_CONF=/etc/slurm/slurm.conf \
    MUNGE_KEY_FILE=/etc/munge/munge.key \
    MUNGE_SOCKET=/run/munge/munge.socket.2
EXPOSE 8080
USER apf
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/health"]
ENTRYPOINT ["/usr/local/bin/apf-slurm-entrypoint", "/app/apf-service"]
