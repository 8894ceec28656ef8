"""The comment block that opens the SWF traces written here: the header fields the archive's logs use."""

FIELDS = "; fields: job submit wait run procs avgcpu mem reqprocs reqtime reqmem status uid gid exe queue partition preceding think\n"


def swf_header(computer, installation, acknowledge, jobs, procs, queues, note):
    return f"""; Version: 2.2
; Computer: {computer}
; Installation: {installation}
; Acknowledge: {acknowledge}
; Information: https://www.cs.huji.ac.il/labs/parallel/workload/swf.html
; Conversion: none (synthetic)
; MaxJobs: {jobs}
; MaxRecords: {jobs}
; UnixStartTime: 1767571200
; TimeZoneString: UTC
; StartTime: Mon Jan  5 00:00:00 UTC 2026
; MaxNodes: {procs}
; MaxProcs: {procs}
; Queues: {queues}
; Note: {note}
;
""" + FIELDS
