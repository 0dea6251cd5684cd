# The public CI matrix (.github/workflows/ci.yml) cannot run here, so its structure is checked here:
# read with a real YAML parser (YamlDotNet from NuGet), it must cover the platforms the README
# and the manifest claim, name a PowerShell shell on every step, keep every step to one command
# (the logic lives in build.ps1), and call only build.ps1 tasks and parameters that exist.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    dotnet restore (Join-Path $RepoRoot 'tools/YamlDotNet.Restore.csproj') --nologo -v quiet | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "Restoring YamlDotNet failed (exit code $LASTEXITCODE)." }
    $packages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    Add-Type -Path (Join-Path $packages 'yamldotnet/16.3.0/lib/net8.0/YamlDotNet.dll')

    # YAML nodes as ordered hashtables, arrays and strings (scalars stay text, as GitHub reads keys like `on`).
    function ConvertFrom-YamlNode($Node) {
        if ($Node -is [YamlDotNet.RepresentationModel.YamlMappingNode]) {
            $map = [ordered]@{}
            foreach ($pair in $Node.Children.GetEnumerator()) { $map[$pair.Key.Value] = ConvertFrom-YamlNode $pair.Value }
            return $map
        }
        if ($Node -is [YamlDotNet.RepresentationModel.YamlSequenceNode]) {
            return , @(foreach ($item in $Node.Children) { ConvertFrom-YamlNode $item })
        }
        $Node.Value
    }

    $stream = [YamlDotNet.RepresentationModel.YamlStream]::new()
    $stream.Load([IO.StringReader]::new((Get-Content -Raw (Join-Path $RepoRoot '.github/workflows/ci.yml'))))
    $Workflow = ConvertFrom-YamlNode $stream.Documents[0].RootNode

    # build.ps1's tasks and parameters, from its own param block.
    $buildAst = [Management.Automation.Language.Parser]::ParseFile((Join-Path $RepoRoot 'build.ps1'), [ref]$null, [ref]$null)
    $BuildParameters = @($buildAst.ParamBlock.Parameters | ForEach-Object { $_.Name.VariablePath.UserPath })
    $taskParameter = $buildAst.ParamBlock.Parameters | Where-Object { $_.Name.VariablePath.UserPath -eq 'Task' }
    $BuildTasks = @(($taskParameter.Attributes | Where-Object { $_.TypeName.Name -eq 'ValidateSet' }).PositionalArguments.Value)

    # Each job's platforms: one row per (os, PowerShell) the matrix expands to.
    function Get-JobRun([Parameter(Mandatory)] [string] $JobName) {
        $job = $Workflow.jobs[$JobName]
        $rows = @(@{})
        if ($job.Contains('strategy')) {
            $matrix = $job.strategy.matrix
            foreach ($key in @($matrix.Keys | Where-Object { $_ -notin 'exclude', 'include' })) {
                $rows = @(foreach ($row in $rows) { foreach ($value in $matrix[$key]) { $copy = $row.Clone(); $copy[$key] = $value; $copy } })
            }
            foreach ($exclude in @($matrix['exclude'] | Where-Object { $_ })) {
                $rows = @($rows | Where-Object { $row = $_; @($exclude.Keys | Where-Object { $row[$_] -ne $exclude[$_] }).Count })
            }
        }
        foreach ($row in $rows) {
            $expand = { param($text) [regex]::Replace([string]$text, '\$\{\{\s*matrix\.(\w+)\s*\}\}', { param($m) $row[$m.Groups[1].Value] }) }
            [pscustomobject]@{
                Job   = $JobName
                Os    = & $expand $job.'runs-on'
                Steps = @(foreach ($step in $job.steps) { [pscustomobject]@{ Shell = $step['shell']; Run = & $expand $step['run']; Uses = $step['uses'] } })
            }
        }
    }
    $Runs = @(foreach ($name in $Workflow.jobs.Keys) { Get-JobRun $name })

    # build.ps1 calls in a step's PowerShell text: the task and the parameter names after it.
    function Get-BuildCall([string] $Run) {
        $ast = [Management.Automation.Language.Parser]::ParseInput($Run, [ref]$null, [ref]$null)
        foreach ($command in $ast.FindAll({ param($n) $n -is [Management.Automation.Language.CommandAst] }, $true)) {
            $elements = @($command.CommandElements)
            $at = [array]::FindIndex($elements, [Predicate[object]] { param($e) $e.Extent.Text -match '(^|[\\/])build\.ps1$' })
            if ($at -lt 0) { continue }
            $rest = @($elements | Select-Object -Skip ($at + 1))
            [pscustomobject]@{
                Executable = $elements[0].Extent.Text
                Task       = @($rest | Where-Object { $_ -isnot [Management.Automation.Language.CommandParameterAst] })[0].Extent.Text
                Parameters = @($rest | Where-Object { $_ -is [Management.Automation.Language.CommandParameterAst] } | ForEach-Object ParameterName)
                Arguments  = @($rest | ForEach-Object { $_.Extent.Text })
            }
        }
    }
}

Describe 'The public CI workflow' {
    It 'runs on pushes to main, pull requests and by hand, with read-only rights' {
        $Workflow.on.push.branches | Should -Be @('main')
        $Workflow.on.Keys | Should -Contain 'pull_request'
        $Workflow.on.Keys | Should -Contain 'workflow_dispatch'
        $Workflow.permissions.contents | Should -Be 'read'
    }

    It 'covers Windows PowerShell 5.1 and PowerShell 7.4 on Windows, 7.4 and 7.6 on Linux and macOS' {
        $platforms = foreach ($run in $Runs) {
            $call = @($run.Steps | ForEach-Object { Get-BuildCall $_.Run })
            $call.Count | Should -Be 1 -Because "job $($run.Job) on $($run.Os) calls build.ps1 once"
            $testHost = $call[0].Arguments[[array]::IndexOf($call[0].Arguments, '-TestHost') + 1]
            if ($call[0].Parameters -contains 'TestHost') { "$($run.Os)|$testHost" }
            else { "$($run.Os)|$(($run.Steps | Where-Object Run -match 'dotnet tool install PowerShell --version ''(\d+\.\d+)\.\*''' | Select-Object -First 1) | ForEach-Object { $Matches[1] })" }
        }
        @($platforms | Sort-Object) | Should -Be @('macos-latest|7.4', 'macos-latest|7.6', 'ubuntu-latest|7.4', 'ubuntu-latest|7.6', 'windows-latest|7.4', 'windows-latest|powershell')
    }

    It 'names a PowerShell shell on every run step, Windows PowerShell on every step of the 5.1 job' {
        foreach ($run in $Runs) {
            foreach ($step in $run.Steps | Where-Object Run) {
                $step.Shell | Should -BeIn @('pwsh', 'powershell') -Because "'$($step.Run)' in job $($run.Job) must say which shell runs it"
                if ($run.Job -eq 'windows-powershell') { $step.Shell | Should -Be 'powershell' }
            }
        }
    }

    It 'keeps every run step to one command: tool installs and build.ps1' {
        foreach ($step in $Runs.Steps | Where-Object Run) {
            $step.Run.Trim() | Should -Not -Match '\n' -Because 'logic belongs in build.ps1, not in the workflow'
            $step.Run | Should -Match '^(dotnet tool (restore|install)\b|& "\$env:RUNNER_TEMP/powershell-[\d.]+/pwsh" |dotnet pwsh )'
        }
    }

    It 'calls only tasks and parameters build.ps1 has, and every job tests the installed package' {
        foreach ($run in $Runs) {
            foreach ($call in $run.Steps | ForEach-Object { Get-BuildCall $_.Run }) {
                $call.Task | Should -BeIn $BuildTasks
                foreach ($parameter in $call.Parameters) { $parameter | Should -BeIn $BuildParameters }
                $call.Task | Should -Be 'Test'
                $call.Parameters | Should -Contain 'Installed'
            }
        }
    }

    It 'runs build.ps1 under the PowerShell 7 version each job installed' {
        foreach ($run in $Runs | Where-Object Job -eq 'pwsh') {
            $install = $run.Steps | Where-Object Run -like 'dotnet tool install PowerShell*'
            $install.Run -match '--tool-path "(?<path>[^"]+)"$' | Should -BeTrue
            $toolPath = $Matches.path
            (Get-BuildCall ($run.Steps.Run -join "`n")).Executable | Should -Be "`"$toolPath/pwsh`""
        }
    }

    It 'matches what the manifest claims: Core and Desktop, from Windows PowerShell 5.1' {
        $manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'Composio.psd1')
        $manifest.PowerShellVersion | Should -Be '5.1'
        @($manifest.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
        foreach ($tag in 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS') { $manifest.PrivateData.PSData.Tags | Should -Contain $tag }
        @($Runs | Where-Object Job -eq 'windows-powershell').Count | Should -Be 1
    }
}
