# hrm-codegen in a container: the pinned requirements.txt, the package installed non-editable,
# `hrm-codegen` as the entrypoint, everything run by an unprivileged user.
#
#   CPU:  docker build -t hrm-codegen:v1 .                       (make docker)
#   GPU:  docker build -t hrm-codegen:v1-cuda --build-arg BASE=nvidia/cuda:12.6.3-runtime-ubuntu24.04 .
#
# BASE: any Debian/Ubuntu image. If it has no Python with venv/ensurepip (the nvidia/cuda images have
# none), python3 + python3-venv are installed from the base's apt sources. The Python must satisfy the
# pins (numpy 2.4 needs >= 3.11): ubuntu24.04 bases have 3.12, ubuntu22.04 bases only 3.10, too old.
# A GPU also works from the default base: PyPI's Linux torch wheel bundles its CUDA libraries and
# `docker run --gpus all` brings the driver; the CUDA base only adds the system CUDA runtime.
#
# torch: requirements.txt pins torch==2.13.0, and PyPI's default Linux wheel of it is the multi-GB
# CUDA build. Put a torch wheel into wheels/ of the build context (e.g. the 2.13.0+cpu wheel; the
# folder is gitignored, scripts/docker_check.sh fills it) and it is installed first; `torch==2.13.0`
# then counts as satisfied (a local label such as +cpu matches the pin), so nothing big downloads.
# TORCH_INDEX_URL (e.g. https://download.pytorch.org/whl/cpu) is the other way to get a CPU build.
#
# THE SANDBOX needs three run options (see README "Docker"). Completions run in jails built from
# Linux namespaces by hrm_codegen/sandbox/_child.py; as the non-root user here that is its `userns`
# mode: clone(CLONE_NEWUSER|NEWNS|NEWPID|NEWIPC|NEWNET), then it mounts a fresh /proc and a tmpfs.
#   --security-opt seccomp=unconfined     Docker's default seccomp profile refuses clone/unshare with
#                                         namespace flags (it allows them only with CAP_SYS_ADMIN).
#   --security-opt systempaths=unconfined Docker masks parts of /proc (/proc/kcore, /proc/sys ...);
#                                         the kernel then refuses a new proc mount in a user namespace
#                                         (EPERM: "mount too revealing").
#   --security-opt apparmor=unconfined    only on hosts with AppArmor (Ubuntu): docker-default denies
#                                         mount(2). Hosts without AppArmor ignore it.
# No capability is added and the container stays unprivileged. Without these options the sandbox
# falls back to resource limits only and warns loudly (SANDBOX FALLBACK: no network isolation, no
# read-only filesystem, no PID namespace) - do not evaluate untrusted completions that way.
ARG BASE=python:3.11-slim
FROM ${BASE} AS app

ARG TORCH_INDEX_URL=
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:${PATH:-/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin}

# Python (only when the base lacks it), then a venv that belongs to root and is read-only for the user.
RUN set -eu; \
    if ! python3 -c "import venv, ensurepip" 2>/dev/null; then \
        apt-get update; \
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-venv ca-certificates; \
        rm -rf /var/lib/apt/lists/*; \
    fi; \
    python3 -m venv /opt/venv

# Dependencies first (their layer survives code changes). "wheel[s]" matches the optional wheels/
# folder; when it is absent only requirements.txt is copied.
COPY requirements.txt wheel[s] /tmp/build/
RUN set -eu; \
    cd /tmp/build; \
    if ls ./*.whl >/dev/null 2>&1; then pip install -q --no-deps ./*.whl; fi; \
    if [ -n "$TORCH_INDEX_URL" ] && ! pip show -q torch 2>/dev/null; then \
        pip install -q --index-url "$TORCH_INDEX_URL" "$(grep -E '^torch[=<>~ ]' requirements.txt)"; \
    fi; \
    pip install -q -r requirements.txt; \
    rm -rf /tmp/build

# The package itself, non-editable (configs, presets and MBPP ship inside it as package data).
COPY pyproject.toml README.md /tmp/src/
COPY hrm_codegen /tmp/src/hrm_codegen
RUN set -eu; \
    pip install -q --no-deps /tmp/src; \
    rm -rf /tmp/src; \
    cd /; python -c "from hrm_codegen.config import CONFIG_DIR, PRESET_DIR; assert (CONFIG_DIR / 'tiny.yaml').is_file() and (PRESET_DIR / 'quickstart.yaml').is_file()"

# The unprivileged user; runs/ and checkpoints/ are written below its working folder (mount a volume
# on /work to keep them).
# uid 1000 when free (ubuntu24.04 bases already have a user "ubuntu" with it).
RUN if getent passwd 1000 >/dev/null; then useradd --create-home --shell /bin/bash hrm; \
    else useradd --create-home --uid 1000 --shell /bin/bash hrm; fi \
    && mkdir -p /work && chown hrm:hrm /work
USER hrm
WORKDIR /work
ENTRYPOINT ["hrm-codegen"]
CMD ["--help"]

# `--target test` (scripts/docker_check.sh): the app plus the test suite from the same build context,
# so tests and installed package are one snapshot. hrm_codegen/ here is a link to the INSTALLED
# package (tests that read the sources or set PYTHONPATH to the checkout get the installed files).
# The tests are owned by the user, so the hostile test that tries to overwrite them checks the
# sandbox's read-only root, not file permissions.
FROM app AS test
COPY --chown=hrm:hrm pyproject.toml /work/src/
COPY --chown=hrm:hrm scripts /work/src/scripts
COPY --chown=hrm:hrm benchmarks /work/src/benchmarks
COPY --chown=hrm:hrm tests /work/src/tests
RUN ln -s "$(python -c 'import hrm_codegen, os; print(os.path.dirname(hrm_codegen.__file__))')" /work/src/hrm_codegen
WORKDIR /work/src
ENTRYPOINT []
CMD ["pytest", "-q", "-p", "no:cacheprovider"]

# The default target: the app alone (the test stage above adds nothing to it).
FROM app
