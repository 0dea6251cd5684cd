# Dot-sourced by New-ModulePackage.ps1 and Install-ModulePackage.ps1: PSResourceGet work against a
# folder repository that is registered only for the moment, leaving the user's registrations alone.

# Runs -Script in a child pwsh like the caller, with -Folder registered as a trusted repository;
# the script gets the repository's name, then -Arguments. The child's PSResourceGet settings live
# in a temporary folder (PSResourceGet keeps its list under the local application-data folder,
# which follows XDG_DATA_HOME on Linux and macOS); Windows has no such switch, so there the
# repository gets a unique name and is unregistered in any case.
function Invoke-InTemporaryRepository {
    param(
        [Parameter(Mandatory)] [string] $Folder,
        [Parameter(Mandatory)] [scriptblock] $Script,
        [object[]] $Arguments = @()
    )
    $work = New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) "psresource-$([guid]::NewGuid().ToString('N'))")
    $savedDataHome = $env:XDG_DATA_HOME
    try {
        $env:XDG_DATA_HOME = (New-Item -ItemType Directory (Join-Path $work 'data')).FullName
        # A script block reaches the child as text.
        $inRepository = {
            param($Repository, $Name, $Body, $Rest)
            $ErrorActionPreference = 'Stop'
            Register-PSResourceRepository -Name $Name -Uri $Repository -Trusted
            try { & ([scriptblock]::Create($Body)) $Name @Rest }
            finally { Unregister-PSResourceRepository -Name $Name }
        }
        # Under `dotnet pwsh` the process is dotnet, and pwsh.dll sits in $PSHOME.
        $exe = [Environment]::ProcessPath
        [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
        & $exe @prefix -NoProfile -NonInteractive -Command $inRepository -args $Folder, "Temporary-$($work.Name)", $Script.ToString(), $Arguments | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "PSResourceGet in a temporary repository at '$Folder' failed (exit code $LASTEXITCODE)." }
    }
    finally {
        $env:XDG_DATA_HOME = $savedDataHome
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    }
}
