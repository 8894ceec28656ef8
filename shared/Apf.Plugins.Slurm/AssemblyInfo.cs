using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Apf.Plugins.Slurm.Tests")]
[assembly: InternalsVisibleTo("Apf.Slurm.Bench")]
