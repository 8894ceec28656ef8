using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Apf.Scheduling.Tests")]
