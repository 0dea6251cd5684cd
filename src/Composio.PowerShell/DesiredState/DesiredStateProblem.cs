using System;
using System.Collections.Generic;
using System.Linq;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>One thing wrong with a desired-state file: a stable error id and where it is.</summary>
    internal sealed class DesiredStateProblem
    {
        public DesiredStateProblem(string errorId, string message, int line = 0, string? entry = null)
        {
            ErrorId = errorId;
            Message = message;
            Line = line;
            Entry = entry;
        }

        public string ErrorId { get; }
        /// <summary>Never holds a credential value: readers and checks name keys, not what they hold.</summary>
        public string Message { get; }
        public int Line { get; }
        /// <summary>"entry 2 (toolkit 'github', name 'prod')", or null for file-wide problems.</summary>
        public string? Entry { get; }

        public override string ToString()
        {
            var where = new List<string>();
            if (Line > 0)
            {
                where.Add("line " + Line);
            }
            if (Entry != null)
            {
                where.Add(Entry);
            }
            return where.Count == 0 ? Message : string.Join(", ", where) + ": " + Message;
        }
    }

    /// <summary>
    /// A desired-state file that cannot be used. Thrown before anything is sent; the cmdlet turns
    /// it into one terminating error whose id is the first problem's.
    /// </summary>
    internal sealed class DesiredStateFileException : Exception
    {
        public DesiredStateFileException(string path, IReadOnlyList<DesiredStateProblem> problems)
            : base(Compose(path, problems))
        {
            Path = path;
            Problems = problems;
        }

        public DesiredStateFileException(string path, DesiredStateProblem problem)
            : this(path, new[] { problem })
        {
        }

        public string Path { get; }
        public IReadOnlyList<DesiredStateProblem> Problems { get; }
        public string ErrorId => Problems[0].ErrorId;

        private static string Compose(string path, IReadOnlyList<DesiredStateProblem> problems)
        {
            if (problems.Count == 1)
            {
                return $"Desired-state file '{path}': {problems[0]}";
            }
            return $"Desired-state file '{path}' has {problems.Count} problems:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
        }
    }
}
