# What a run tells an admin: every confirmation and -WhatIf line names the config and the project
# in one form, Remove says how many connected accounts it breaks, and every bulk cmdlet and Sync
# ends with one summary on the Information stream.

BeforeAll {
    . (Join-Path $PSScriptRoot 'DesiredStateSuite.ps1')
    $emulator = Start-TestEmulator

    # The What if lines a block writes to the host, through a transcript.
    function Get-WhatIfLine([scriptblock] $Block) {
        $transcript = Join-Path $TestDrive "whatif-$([guid]::NewGuid().ToString('N')).txt"
        Start-Transcript -Path $transcript -Force | Out-Null
        try { & $Block | Out-Null } finally { Stop-Transcript | Out-Null }
        @(Get-Content $transcript | Where-Object { $_ -like 'What if:*' })
    }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'ShouldProcess targets: one form across New, Set, Enable, Disable, Remove and Sync' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $project = "$(Get-ComposioConnection)"
        $id = New-ManagedConfig $emulator github 'prod-github'
        Get-ComposioAuthConfig -Id $id | Out-Null   # seen, so plain ids get their name and toolkit
        Clear-ComposioEmulatorRequest $emulator
    }

    It 'names the config (name, id, toolkit) and the project (key hint and host) for <Cmdlet>' -ForEach @(
        @{ Cmdlet = 'New'; Block = { New-ComposioAuthConfig github -Name 'ci-new' -WhatIf }; Config = "'ci-new' (github)" }
        @{ Cmdlet = 'Set'; Block = { Set-ComposioAuthConfig -Id $id -Name 'renamed' -WhatIf }; Config = "'prod-github' (<id>, github)" }
        @{ Cmdlet = 'Enable'; Block = { Enable-ComposioAuthConfig $id -WhatIf }; Config = "'prod-github' (<id>, github)" }
        @{ Cmdlet = 'Disable'; Block = { Disable-ComposioAuthConfig $id -WhatIf }; Config = "'prod-github' (<id>, github)" }
        @{ Cmdlet = 'Remove'; Block = { Remove-ComposioAuthConfig $id -WhatIf }; Config = "'prod-github' (<id>, github)" }
        @{ Cmdlet = 'Sync'; Block = { Sync-ComposioAuthConfig (New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'github'; Name = 'prod-github'; Enabled = `$false } ) }") -WhatIf }; Config = "'prod-github' (<id>, github)" }
    ) {
        $lines = @(Get-WhatIfLine $Block)
        $lines.Count | Should -Be 1
        $expected = 'on target "' + $Config.Replace('<id>', $id) + " in project $project"
        $lines[0] | Should -BeLike ('*' + [WildcardPattern]::Escape($expected) + '*')
        $project | Should -Match '^ak_.+ at http://127\.0\.0\.1:\d+$'
        Get-ApiRequest $emulator | Where-Object method -ne 'GET' | Should -BeNullOrEmpty
    }

    It 'Remove shows the connected-account count, reading it once for an id it has not seen' {
        $fresh = New-ManagedConfig $emulator slack 'unseen'
        Clear-ComposioEmulatorRequest $emulator
        $lines = @(Get-WhatIfLine { Remove-ComposioAuthConfig $fresh -WhatIf })
        $lines[0] | Should -BeLike "*'unseen' ($fresh, slack) in project *, 0 connected account(s)*"
        (Get-ApiRequest $emulator).path | Should -Be @("/api/v3.1/auth_configs/$fresh")
    }

    It 'Remove warns when connected accounts would lose their config, and still removes under -Force' {
        $config = Get-ComposioAuthConfig -Id $id
        $config.ConnectionCount = 3   # as the service reports it for a config in use
        $config | Remove-ComposioAuthConfig -Force -WarningVariable warned 3>$null
        "$warned" | Should -Match "Auth config $id has 3 connected account\(s\)"
        (Get-ApiRequest $emulator | Where-Object method -eq 'DELETE').path | Should -Be @("/api/v3.1/auth_configs/$id")
    }
}

Describe 'One summary on the Information stream' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $project = "$(Get-ComposioConnection)"
    }

    It 'New counts created, skipped and failed, and names the project' {
        New-ManagedConfig $emulator github 'exists' | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        'exists', 'fresh' | ForEach-Object { [pscustomobject]@{ Toolkit = 'github'; Name = $_ } } |
            New-ComposioAuthConfig -SkipExisting -InformationVariable info | Out-Null
        New-ComposioAuthConfig -Toolkit nosuchtoolkit -ErrorAction SilentlyContinue -InformationVariable failedInfo | Out-Null
        $summary = @($info | Where-Object Tags -contains 'Composio.Summary')
        $summary.Count | Should -Be 1
        $summary[0].MessageData.GetType().FullName | Should -Be 'Composio.RunSummary'
        $summary[0].MessageData.Created | Should -Be 1
        $summary[0].MessageData.Skipped | Should -Be 1
        $summary[0].MessageData.Project | Should -Be @($project)
        "$($summary[0].MessageData)" | Should -Be "New-ComposioAuthConfig: 1 created, 0 changed, 0 unchanged, 1 skipped, 0 failed; project $project."
        ($failedInfo | Where-Object Tags -contains 'Composio.Summary').MessageData.Failed | Should -Be 1
        @(Get-ApiRequest $emulator | Where-Object method -eq 'POST').Count | Should -Be 1
    }

    It 'Disable and Remove count what they changed, and the summary is the last Information record' {
        $ids = 1..3 | ForEach-Object { New-ManagedConfig $emulator github "bulk-$_" }
        $ids + 'ac_doesnotexist1' | Disable-ComposioAuthConfig -ErrorAction SilentlyContinue -InformationVariable info
        $info[-1].MessageData.Changed | Should -Be 3
        $info[-1].MessageData.Failed | Should -Be 1
        $ids | Remove-ComposioAuthConfig -Force -InformationVariable removed
        $removed[-1].MessageData.Removed | Should -Be 3
        "$($removed[-1].MessageData)" | Should -Match '^Remove-ComposioAuthConfig: 0 created, 0 changed, 3 removed, 0 unchanged, 0 skipped, 0 failed; project '
        # Shown in a log with -InformationAction Continue.
        $shown = New-ComposioAuthConfig github -InformationAction Continue 6>&1 | Where-Object { $_ -is [System.Management.Automation.InformationRecord] }
        "$shown" | Should -Match '^New-ComposioAuthConfig: 1 created'
    }

    It 'Sync counts by action, stamps each result with its Connection, and lists unmanaged configs' {
        $keep = New-ManagedConfig $emulator github 'prod-a'
        $old = New-ManagedConfig $emulator github 'prod-renamed-away'
        Clear-ComposioEmulatorRequest $emulator
        $file = New-DesiredFile @'
@{ AuthConfigs = @(
    @{ Toolkit = 'github'; Name = 'prod-a' }
    @{ Toolkit = 'github'; Name = 'prod-b' }
) }
'@
        $results = Sync-ComposioAuthConfig $file -InformationVariable info
        $results.Action | Should -Be @('Unchanged', 'Create', 'Unmanaged')
        $results[2].Id | Should -Be $old
        $results | ForEach-Object { "$($_.Connection)" | Should -Be $project }
        $summary = $info[-1].MessageData
        $summary.Created, $summary.Unchanged, $summary.Unmanaged, $summary.Failed | Should -Be @(1, 1, 1, 0)
        "$summary" | Should -Be "Sync-ComposioAuthConfig: 1 created, 0 changed, 1 unchanged, 1 unmanaged, 0 skipped, 0 failed; project $project."
        ($results[2] | Format-List | Out-String) | Should -Match ([regex]::Escape("Connection : $project"))
        @(Get-ApiRequest $emulator | Where-Object method -ne 'GET').Count | Should -Be 1
    }
}
