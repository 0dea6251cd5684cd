# Dot-sourced by the Hostile*.Tests.ps1 files: running a block that should fail, and collecting
# everything it shows.

# Runs a block that should fail; returns the ErrorRecord (terminating or not), or $null.
function Get-Failure([scriptblock] $Block) {
    $ErrorActionPreference = 'Stop'
    try { & $Block | Out-Null; $null } catch { $_ }
}

# What a console would show of a block's output, errors (as the error view renders them, with
# their advice and target) and every stream, as one text. -WithExceptions adds the exceptions'
# own text (which keeps the server's raw words) and $Error, for scans where nothing may appear at all.
function Get-ShownText([scriptblock] $Block, [switch] $WithExceptions) {
    $Error.Clear()
    $shown = & { try { & $Block } catch { $_ } } *>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) {
            $_ | Out-String; "$($_.ErrorDetails.RecommendedAction)"; "$($_.TargetObject)"
            if ($WithExceptions) { $_.Exception.ToString() }
        }
        else { $_ | Out-String }
    }
    if ($WithExceptions) { $shown += $Error | ForEach-Object { $_.ToString(); "$($_.TargetObject)" } }
    $shown -join "`n"
}
