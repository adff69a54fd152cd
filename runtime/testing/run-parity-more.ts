// Test-only: the parity table's lines for the `docker run` flags beyond the everyday ones (see
// run-parity.ts for the placeholders and the fields). At least one line per flag, several for
// the flags with a grammar. A few run on every engine too (not `--device`: the docker CLI
// refuses it against Podman, whose API names no server OS). Not part of the build.
import type { ParityLine } from './run-parity.js';

const noGpu = 'no GPU and no NVIDIA runtime here: the engine refuses to start it ("could not select device driver")';
const noCdi = 'no CDI devices here (and engine API 1.41 has no CDI driver): the engine refuses to start it';

export const moreParityLines: readonly ParityLine[] = [
  // Healthcheck.
  { line: `docker run -d --health-cmd 'wget -qO- http://localhost/ || exit 1' --health-interval 5s --health-timeout 2s --health-retries 3 --health-start-period 1m30s {img} sleep 300`, everyEngine: true },
  { line: 'docker run -d --health-cmd true --health-interval=500ms {img} sleep 300' },
  { line: 'docker run -d --health-retries 5 --health-timeout 1h {img} sleep 300' },
  { line: 'docker run -d --no-healthcheck {img} sleep 300' },
  {
    line: 'docker run -d --health-cmd true --health-start-interval 5s {img} sleep 300',
    refused: 'engine API 1.41 has no health start interval (API 1.44); the CLI and Berth both say so',
  },

  // Limits.
  { line: 'docker run -d --ulimit nofile=1024:2048 --ulimit nproc=512 {img} sleep 300', everyEngine: true },
  { line: 'docker run -d --ulimit nofile=4096 --ulimit nofile=2048:4096 --ulimit core=0 --ulimit stack=8388608:-1 {img} sleep 300' },
  {
    line: 'docker run -d --ulimit memlock=-1 --ulimit rtprio=99 {img} sleep 300',
    notStarted: 'this sandbox may not raise memlock or rtprio past its own hard limit ("error setting rlimit type 8: operation not permitted")',
  },
  { line: 'docker run -d --shm-size 128m --memory-swappiness 10 --oom-score-adj 100 {img} sleep 300' },
  { line: 'docker run -d --shm-size=1g --memory-swappiness 0 --oom-score-adj=-500 {img} sleep 300' },
  { line: 'docker run -d -m 64m --oom-kill-disable --kernel-memory 16m {img} sleep 300' },
  { line: 'docker run -d --cpu-period 100000 --cpu-quota 50000 --cpuset-mems 0 {img} sleep 300' },
  { line: 'docker run -d --cpu-quota -1 --cpu-period=50000 {img} sleep 300' },
  {
    line: 'docker run -d --cpu-rt-period 1000000 --cpu-rt-runtime 950000 {img} sleep 300',
    notStarted: 'this kernel has no real-time group scheduling budget to give ("cpu.rt_runtime_us: invalid argument")',
  },
  { line: 'docker run -d --blkio-weight 300 --blkio-weight-device /dev/loop0:200 {img} sleep 300' },
  { line: 'docker run -d --device-read-bps /dev/loop0:1mb --device-write-bps /dev/loop0:2m --device-read-iops /dev/loop0:100 --device-write-iops /dev/loop0:200 {img} sleep 300' },
  { line: 'docker run -d --storage-opt size=1G {img} sleep 300', refused: 'the engine takes --storage-opt only on overlay over xfs with pquota, which this one is not' },
  { line: 'docker run -d --cpu-count 2 {img} sleep 300', refused: '--cpu-count is for Windows engines; the CLI and Berth both refuse it on Linux' },
  { line: 'docker run -d --io-maxbandwidth 10m --io-maxiops 100 --cpu-percent 50 {img} sleep 300', refused: 'Windows-only flags, refused on a Linux engine' },

  // Devices.
  { line: 'docker run -d --device /dev/null --device /dev/zero:/dev/myzero:r {img} sleep 300' },
  { line: `docker run -d --device /dev/full:rw --device=/dev/loop1:/dev/disk1 --device-cgroup-rule 'c 1:3 mr' --device-cgroup-rule 'a *:* m' {img} sleep 300` },
  { line: 'docker run -d --gpus all {img} sleep 300', notStarted: noGpu },
  { line: `docker run -d --gpus '"device=0,1"' --gpus driver=nvidia,count=2,capabilities=compute {img} sleep 300`, notStarted: noGpu },
  { line: 'docker run -d --gpus 1 --gpus "options=a=b" {img} sleep 300', notStarted: noGpu },
  { line: 'docker run -d --device vendor.com/class=name {img} sleep 300', notStarted: noCdi },

  // Security and namespaces.
  { line: 'docker run -d --security-opt no-new-privileges --security-opt seccomp=unconfined --security-opt apparmor=unconfined {img} sleep 300', everyEngine: true },
  { line: 'docker run -d --security-opt systempaths=unconfined --security-opt label=disable --security-opt no-new-privileges:true {img} sleep 300' },
  { line: 'docker run -d --group-add 100 --group-add 101 --uts host --cgroupns private {img} sleep 300' },
  { line: 'docker run -d --userns host --cgroup-parent berth-parity --sysctl net.ipv4.ip_forward=1 --sysctl kernel.shmmax=1000000 {img} sleep 300' },
  { line: 'docker run -d --runtime runc --isolation default --cgroupns=host {img} sleep 300' },
  { line: 'docker run -d --annotation com.example.key=value {img} sleep 300', refused: 'engine API 1.41 has no annotations (API 1.43); the CLI and Berth both say so' },

  // Networking.
  { line: 'docker run -d --expose 8080 --expose 9000-9002/udp --dns-search example.com --dns-option ndots:2 --dns-opt timeout:1 --domainname example.org {img} sleep 300' },
  { line: 'docker run -d -p 18091:80 --expose 80 --expose 81/sctp --dns-search . {exposing} sleep 300' },
  { line: 'docker run -d --net {net} --ip {netip} --network-alias web --net-alias www --link {base}:b --link-local-ip 169.254.10.10 {img} sleep 300' },
  { line: 'docker run -d --network {net} --ip6 2001:db8::33 {img} sleep 300', notStarted: 'the test network has no IPv6: the engine cannot give it the address on start' },
  { line: 'docker run -d --link {base}:db --link {base} {img} sleep 300' },
  { line: 'docker run -d --network name={net},alias=api,alias=API2 --dns-search example.com {img} sleep 300' },
  { line: 'docker run -d --network "name={net},driver-opt=com.example.berth=parity,driver-opt=com.example.mtu = 1400" {img} sleep 300' },
  {
    line: 'docker run -d --mac-address 92:d0:c6:0a:29:33 {img} sleep 300',
    engineCli: 'docker CLI 25+ sends the MAC address per network, which it refuses to send to an engine before API 1.44; CLI 20.10 sends it in Config, as Berth does here',
  },

  // Logging.
  { line: 'docker run -d --log-driver json-file --log-opt max-size=10m --log-opt max-file=3 {img} sleep 300', everyEngine: true },
  { line: 'docker run -d --log-driver local --log-opt max-size=1m --log-opt compress=false {img} sleep 300' },
  { line: 'docker run -d --log-driver none {img} sleep 300' },

  // Lifecycle.
  { line: 'docker run -d --stop-signal SIGINT --stop-timeout 20 {img} sleep 300' },
  { line: 'docker run -d --stop-signal=9 --stop-timeout -1 --pull never --platform {platform} {img} sleep 300' },
  { line: 'docker run -d --pull always {regimg} sleep 300' },
  {
    line: 'docker run -d --pull=missing --cidfile {cidfile} --sig-proxy=false --detach-keys ctrl-x -q --disable-content-trust {img} sleep 300',
    setAside: { field: 'HostConfig.ContainerIDFile', reason: 'the engine records the path the CLI writes the id to; Berth writes no file (it shows the id), so it records none' },
  },

  // Mounts.
  { line: 'docker run -d --mount type=bind,source={bind},target=/b --mount type=bind,src={bind},dst=/c,readonly,bind-propagation=rslave {img} sleep 300' },
  { line: 'docker run -d --mount type=volume,source={vol},target=/v,volume-nocopy --mount type=volume,target=/anon --mount target=/default-type {img} sleep 300' },
  {
    line: 'docker run -d --mount type=volume,dst=/labeled,volume-label=team=core,volume-driver=local,volume-opt=type=tmpfs,volume-opt=device=tmpfs --mount type=volume,target=/plain,volume-nocopy=false {img} sleep 300',
  },
  { line: 'docker run -d --mount type=tmpfs,target=/t,tmpfs-size=64m,tmpfs-mode=1770 --mount type=tmpfs,dst=/u {img} sleep 300', everyEngine: true },
  { line: 'docker run -d --mount type=bind,source={bind},target=/d,bind-recursive=disabled --mount type=bind,source={bind},target=/e,bind-nonrecursive=false,ro=true {img} sleep 300' },
  { line: 'docker run -d --volumes-from {base} --volume-driver local -v {vol}:/n -v /anon2 {img} sleep 300' },
  { line: 'docker run -d --volumes-from {base}:ro {img} sleep 300' },

  // Files read on the machine that runs the command.
  { line: 'docker run -d --env-file {envfile} -e FROM_FLAG=1 --label-file {labelfile} --label from-flag=1 {img} sleep 300' },

  // A long real-world line: a web app with a healthcheck, limits and its data.
  {
    line:
      `docker run -d --name ignored --restart unless-stopped --health-cmd 'wget -q --spider http://localhost:8080/health || exit 1' --health-interval 30s --health-timeout 5s --health-retries 3 ` +
      '--ulimit nofile=65536:65536 --shm-size 256m --log-driver json-file --log-opt max-size=10m --log-opt max-file=5 --mount type=volume,source={vol},target=/data ' +
      '--stop-signal SIGTERM --stop-timeout 30 --security-opt no-new-privileges --cap-drop ALL --cap-add NET_BIND_SERVICE -p 18092:8080 -e TZ=UTC --tmpfs /run {img} sleep 300',
  },
];
