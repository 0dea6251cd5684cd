using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text;

namespace Composio.PowerShell.DesiredState
{
    /// <summary>
    /// Reads a .psd1 desired-state file with PowerShell's parser, without running any of it (as
    /// Import-PowerShellDataFile does): only constants, arrays and hashtables are accepted, so a
    /// file from a pull request cannot execute code, and every value keeps its line number.
    /// </summary>
    internal static class PowerShellDataReader
    {
        public static FileNode Read(string path)
        {
            // Parsed from text decoded here (UTF-8 unless a BOM says otherwise), not by ParseFile: Windows
            // PowerShell's parser reads a BOM-less file as ANSI, and every encoding .json takes works for .psd1 too.
            var ast = Parser.ParseInput(DesiredStateText.Read(path), path, out _, out var errors);
            if (errors.Length > 0)
            {
                // The first error only: the parser's later ones mostly follow from it.
                throw new DesiredStateFileException(path,
                    new DesiredStateProblem("DesiredStateSyntaxError", ParserMessage.Scrub(errors[0].Message), errors[0].Extent.StartLineNumber));
            }
            var statements = ast.EndBlock?.Statements;
            var single = statements != null && statements.Count == 1 && ast.ParamBlock == null && ast.BeginBlock == null && ast.ProcessBlock == null
                ? (statements[0] as PipelineAst)?.GetPureExpression() as HashtableAst
                : null;
            if (single == null)
            {
                var line = statements != null && statements.Count > 0 ? statements[0].Extent.StartLineNumber : 0;
                throw new DesiredStateFileException(path, new DesiredStateProblem("DesiredStateSyntaxError",
                    "a .psd1 desired-state file holds exactly one hashtable, @{ AuthConfigs = @( ... ) }.", line));
            }
            return new Converter(path).Expression(single);
        }

        private sealed class Converter
        {
            private readonly string _path;

            public Converter(string path) => _path = path;

            public FileNode Expression(ExpressionAst ast)
            {
                var line = ast.Extent.StartLineNumber;
                switch (ast)
                {
                    case HashtableAst table:
                        return new FileMap(line, table.KeyValuePairs.Select(Pair).ToList());
                    case StringConstantExpressionAst text:
                        return new FileScalar(line, text.Value);
                    case ExpandableStringExpressionAst expandable when expandable.NestedExpressions.Count == 0:
                        return new FileScalar(line, expandable.Value);
                    case ExpandableStringExpressionAst _:
                        throw Refuse(line, "a string with a variable or subexpression; the file is data, never run: write the text in single quotes, and secrets as @{ Secret = 'name' } or @{ Env = 'VARIABLE' }.");
                    case ConstantExpressionAst constant:
                        return new FileScalar(line, Number(constant.Value, line));
                    case VariableExpressionAst variable:
                        return Variable(variable, line);
                    case ArrayLiteralAst array:
                        return new FileList(line, array.Elements.Select(Expression).ToList());
                    case ArrayExpressionAst array:
                        return new FileList(line, array.SubExpression.Statements.SelectMany(Items).ToList());
                    case ParenExpressionAst paren when paren.Pipeline is PipelineAst inner && inner.GetPureExpression() is ExpressionAst expression:
                        return Expression(expression);
                    case UnaryExpressionAst unary when unary.TokenKind == TokenKind.Minus && unary.Child is ConstantExpressionAst negative:
                        return new FileScalar(line, -Convert.ToDouble(Number(negative.Value, line), System.Globalization.CultureInfo.InvariantCulture));
                    default:
                        throw Refuse(line, "an expression that is not a constant. Only strings, numbers, $true, $false, $null, arrays and hashtables are allowed; the file is data, never run.");
                }
            }

            private FileMapEntry Pair(Tuple<ExpressionAst, StatementAst> pair)
            {
                var line = pair.Item1.Extent.StartLineNumber;
                var key = pair.Item1 switch
                {
                    StringConstantExpressionAst s => s.Value,
                    ConstantExpressionAst c => Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture),
                    _ => throw Refuse(line, "a hashtable key that is not a plain name."),
                };
                var values = Items(pair.Item2).ToList();
                // `Key = 'a', 'b'` is one value that is a list; a single item stays itself.
                var value = values.Count == 1 ? values[0] : new FileList(pair.Item2.Extent.StartLineNumber, values);
                return new FileMapEntry(key ?? string.Empty, line, value);
            }

            /// <summary>A statement inside @( ) or after `=`: its items (an array literal flattens, as PowerShell does in @( )).</summary>
            private IEnumerable<FileNode> Items(StatementAst statement)
            {
                var expression = (statement as PipelineAst)?.GetPureExpression();
                if (expression == null)
                {
                    throw Refuse(statement.Extent.StartLineNumber, "a command or statement where a value belongs. Only strings, numbers, $true, $false, $null, arrays and hashtables are allowed; the file is data, never run.");
                }
                return expression is ArrayLiteralAst array ? array.Elements.Select(Expression) : new[] { Expression(expression) };
            }

            private FileNode Variable(VariableExpressionAst variable, int line)
            {
                var name = variable.VariablePath.UserPath;
                if (string.Equals(name, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return new FileScalar(line, true);
                }
                if (string.Equals(name, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return new FileScalar(line, false);
                }
                if (string.Equals(name, "null", StringComparison.OrdinalIgnoreCase))
                {
                    return new FileScalar(line, null);
                }
                throw Refuse(line, $"the variable ${name}. Only $true, $false and $null are allowed; the file is data, never run. Secrets are written as @{{ Secret = 'name' }} or @{{ Env = 'VARIABLE' }}.");
            }

            private object? Number(object? value, int line) => value switch
            {
                null => null,
                string s => s,
                int i => (long)i,
                long l => l,
                double d => d,
                decimal m => (double)m,
                _ => throw Refuse(line, $"a constant of type {value.GetType().Name}; only strings, numbers and booleans are allowed."),
            };

            private DesiredStateFileException Refuse(int line, string what) =>
                new DesiredStateFileException(_path, new DesiredStateProblem("DesiredStateSyntaxError", "found " + what, line));
        }
    }
}
