# One-node slurm.conf for the test clusters (sourced, not run): the live Slurm tests'
# (scripts/slurm/start-test-slurm.sh) and the Slurm submitter image's entry-point check
# (scripts/deploy/test-slurm-entrypoint.sh) differ only in name, folder, partition and a few extra lines.
# Usage: slurm_conf CLUSTER DIR PARTITION [EXTRA_LINE...] > slurm.conf
# The node is this host (`hostname -s`, as slurmd requires) with 2 CPUs, each shared by up to 4 jobs.
slurm_conf() {
  local cluster="$1" dir="$2" partition="$3" node
  shift 3
  node="$(hostname -s)"
  cat <<CONF
ClusterName=$cluster
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
CONF
  local line
  for line in "$@"; do [ -n "$line" ] && echo "$line"; done
  cat <<CONF
NodeName=$node CPUs=2 State=UNKNOWN
PartitionName=$partition Nodes=$node Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
CONF
}
