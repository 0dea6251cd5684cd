# Dot-sourced (after Common.ps1) by the auth-config Pester files: helpers to read what the emulator
# received and to complete a command line.

function Get-CreateRequest($Emulator) { @(Get-WireRequest $Emulator POST '*/auth_configs') }

function ConvertTo-Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }

# Completions of a command line, as the prompt's Tab would offer them.
function Get-Completion([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
