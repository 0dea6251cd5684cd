# Connections as objects: several projects in one script, parallel runspaces that never cross
# wires, objects that go back to their own project, and listings that stop on a misbehaving server.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'StubServer.ps1')
    $null = New-TestCache
    $projectA = Start-ComposioEmulator -ApiKey 'ak_projectA_key_Ax7Q'
    $projectB = Start-ComposioEmulator -ApiKey 'ak_projectB_key_Bz9W'
    function Connect-Project($Emulator) {
        Connect-Composio -ApiKey (ConvertTo-SecureString $Emulator.ApiKey -AsPlainText -Force) -BaseUri $Emulator.BaseUri -PassThru
    }
    function Get-Created($Emulator) { @(Get-WireRequest $Emulator | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/auth_configs' -and $_.status -eq 201 }) }
}

AfterAll {
    Disconnect-Composio
    $projectA, $projectB | Stop-ComposioEmulator
    Remove-TestCache
}

Describe 'Two projects in one script' {
    BeforeEach {
        Reset-ComposioEmulator $projectA
        Reset-ComposioEmulator $projectB
        $connA = Connect-Project $projectA
        $connB = Connect-Project $projectB   # the default from here on
    }

    It 'Connect-Composio writes nothing without -PassThru, and Get-ComposioConnection returns the default' {
        $out = @(Connect-Composio -ApiKey (ConvertTo-SecureString $projectB.ApiKey -AsPlainText -Force) -BaseUri $projectB.BaseUri)
        $out.Count | Should -Be 0
        $default = Get-ComposioConnection
        $default | Should -BeOfType ([Composio.PowerShell.Connection.ComposioConnection])
        $default.BaseUri | Should -Be "$($projectB.BaseUri)/"
    }

    It 'creates where asked: -Connection, and the default' {
        New-ComposioAuthConfig github -Name 'in-a' -Connection $connA | Out-Null
        New-ComposioAuthConfig github -Name 'in-b' | Out-Null
        (Get-Created $projectA).Count | Should -Be 1
        (Get-Created $projectB).Count | Should -Be 1
        (Get-ComposioAuthConfig -Connection $connA).Name | Should -Be 'in-a'
        (Get-ComposioAuthConfig).Name | Should -Be 'in-b'
        # Each request carried its own project's key.
        (Get-ComposioEmulatorRequest $projectA).headers.'x-api-key' | Sort-Object -Unique | Should -Be $projectA.ApiKey
        (Get-ComposioEmulatorRequest $projectB).headers.'x-api-key' | Sort-Object -Unique | Should -Be $projectB.ApiKey
    }

    It 'sends piped objects back to their own project, whatever the default' {
        $fromA = @(1..3 | ForEach-Object { New-ComposioAuthConfig github -Name "a-$_" -Connection $connA })
        $fromB = New-ComposioAuthConfig slack -Name 'b-1'
        $fromA | Set-ComposioAuthConfig -Name 'renamed'
        $fromA | Disable-ComposioAuthConfig
        $fromA[0] | Enable-ComposioAuthConfig
        $fromA | Remove-ComposioAuthConfig -Force
        @(Get-ComposioAuthConfig -Connection $connA).Count | Should -Be 0
        (Get-ComposioAuthConfig -Id $fromB.Id).Name | Should -Be 'b-1'
        @(Get-WireRequest $projectB | Where-Object method -in 'PATCH', 'DELETE').Count | Should -Be 0
        @(Get-WireRequest $projectA | Where-Object method -eq 'DELETE').Count | Should -Be 3
        # A mixed pipeline: each object through its own connection.
        $a = New-ComposioAuthConfig github -Name 'a-mixed' -Connection $connA
        $a, $fromB | Remove-ComposioAuthConfig -Force
        @(Get-WireRequest $projectA | Where-Object { $_.method -eq 'DELETE' -and $_.path -like "*$($a.Id)" }).Count | Should -Be 1
        @(Get-WireRequest $projectB | Where-Object { $_.method -eq 'DELETE' -and $_.path -like "*$($fromB.Id)" }).Count | Should -Be 1
    }

    It 'takes -InputObject given by name through the object''s own connection' {
        $fromA = New-ComposioAuthConfig github -Name 'by-name' -Connection $connA
        Remove-ComposioAuthConfig -InputObject $fromA -Force
        @(Get-WireRequest $projectA | Where-Object method -eq 'DELETE').Count | Should -Be 1
        @(Get-WireRequest $projectB | Where-Object method -eq 'DELETE').Count | Should -Be 0
    }

    It 'toolkits remember their project too' {
        $toolkit = Get-ComposioToolkit github -Connection $connA
        $toolkit.Connection | Should -Be $connA
        $config = $toolkit | Get-ComposioToolkit
        @(Get-WireRequest $projectA | Where-Object path -like '*/toolkits/github').Count | Should -BeGreaterOrEqual 1
        $config.Connection | Should -Be $connA
    }

    It 'shows the project in Format-List, not in the default table' {
        $fromA = New-ComposioAuthConfig github -Name 'shown' -Connection $connA
        $list = $fromA | Format-List | Out-String
        $list | Should -Match ("Connection\s+: " + [regex]::Escape("$connA"))
        $table = $fromA | Format-Table | Out-String
        $table | Should -Not -Match 'Connection'
        $table | Should -Not -Match ([regex]::Escape("$connA"))
    }

    It 'hints the key with at most its last four characters, telling projects apart' {
        $connA.ApiKeyHint | Should -Be 'ak_…Ax7Q'
        $connB.ApiKeyHint | Should -Be 'ak_…Bz9W'
        foreach ($conn in $connA, $connB) {
            $text = ($conn | Format-List | Out-String) + ($conn | ConvertTo-Json -Depth 2)
            $text | Should -Not -Match 'projectA_key|projectB_key'
        }
    }
}

Describe 'Runspaces' {
    BeforeEach {
        Reset-ComposioEmulator $projectA
        Reset-ComposioEmulator $projectB
        $null = Connect-Project $projectA
    }

    It 'parallel runspaces connecting to different projects never cross (30 creates each)' {
        $manifest = $ModuleManifest
        $jobs = @(
            @{ BaseUri = $projectA.BaseUri; Key = $projectA.ApiKey; Prefix = 'par-a' }
            @{ BaseUri = $projectB.BaseUri; Key = $projectB.ApiKey; Prefix = 'par-b' }
        )
        $results = $jobs | ForEach-Object -Parallel {
            Import-Module $using:manifest
            Connect-Composio -ApiKey (ConvertTo-SecureString $_.Key -AsPlainText -Force) -BaseUri $_.BaseUri
            $prefix = $_.Prefix
            1..30 | ForEach-Object { (New-ComposioAuthConfig github -Name "$prefix-$_").Name }
        } -ThrottleLimit 2
        $results.Count | Should -Be 60
        $createdA = Get-Created $projectA
        $createdB = Get-Created $projectB
        $createdA.Count | Should -Be 30
        $createdB.Count | Should -Be 30
        @($createdA | Where-Object { $_.body.auth_config.name -notlike 'par-a-*' }).Count | Should -Be 0
        @($createdB | Where-Object { $_.body.auth_config.name -notlike 'par-b-*' }).Count | Should -Be 0
        # The main script's default is still project A.
        (Get-ComposioConnection).BaseUri | Should -Be "$($projectA.BaseUri)/"
    }

    It 'workers inherit the main script''s connection without connecting' {
        $manifest = $ModuleManifest
        $names = 1..4 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            (New-ComposioAuthConfig github -Name "inherited-$_").Name
        } -ThrottleLimit 2
        @($names).Count | Should -Be 4
        (Get-Created $projectA).Count | Should -Be 4
        (Get-Created $projectB).Count | Should -Be 0
    }

    It 'Disconnect-Composio in a runspace leaves the main script connected' {
        $manifest = $ModuleManifest
        $inside = 1 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            Disconnect-Composio
            $env:COMPOSIO_API_KEY = $null
            try { Get-ComposioAuthConfig -ErrorAction Stop; 'still connected' } catch { $_.FullyQualifiedErrorId }
        }
        $inside | Should -BeLike 'NotConnected*'
        { Get-ComposioAuthConfig -ErrorAction Stop } | Should -Not -Throw
        (Get-ComposioConnection).BaseUri | Should -Be "$($projectA.BaseUri)/"
    }

    It 'Start-ThreadJob uses the main script''s connection, and its Connect-Composio stays inside it' {
        $manifest = $ModuleManifest
        $b = $projectB
        $job = Start-ThreadJob {
            Import-Module $using:manifest
            (New-ComposioAuthConfig github -Name 'from-job').Name
            Connect-Composio -ApiKey (ConvertTo-SecureString ($using:b).ApiKey -AsPlainText -Force) -BaseUri ($using:b).BaseUri
            (New-ComposioAuthConfig github -Name 'from-job-b').Name
        }
        $job | Wait-Job -Timeout 60 | Receive-Job | Should -Be @('from-job', 'from-job-b')
        $job | Remove-Job
        (Get-Created $projectA).body.auth_config.name | Should -Be 'from-job'
        (Get-Created $projectB).body.auth_config.name | Should -Be 'from-job-b'
        (Get-ComposioConnection).BaseUri | Should -Be "$($projectA.BaseUri)/"
    }
}

Describe 'Listings against a server that will not stop paging' {
    It 'ends <Command> within a second when <Case>' -ForEach @(
        @{ Command = 'Get-ComposioToolkit'; Case = 'the cursor repeats'; ErrorId = 'ComposioPagingCursorRepeated'; ItemCount = 1; RequestCount = 2; Answer = {
                param($request)
                '{"items":[{"slug":"loop","name":"Loop"}],"next_cursor":"same","total_pages":1000,"total_items":1000}'
            } }
        # The page that handed the cursor out again is not used: it would likely repeat items.
        @{ Command = 'Get-ComposioAuthConfig'; Case = 'the cursor repeats'; ErrorId = 'ComposioPagingCursorRepeated'; ItemCount = 1; RequestCount = 2; Answer = {
                param($request)
                '{"items":[{"id":"ac_loop1","toolkit":{"slug":"github"}}],"next_cursor":"same","total_pages":1000,"total_items":1000}'
            } }
        @{ Command = 'Get-ComposioAuthConfig'; Case = 'pages go past total_pages'; ErrorId = 'ComposioPagingOverrun'; ItemCount = 3; RequestCount = 3; Answer = {
                param($request)
                $n = [int]($request.QueryString['cursor'] -replace '\D', '') + 1
                '{"items":[{"id":"ac_stub' + $n + '","toolkit":{"slug":"github"}}],"next_cursor":"c' + $n + '","total_pages":3,"total_items":3}'
            } }
    ) {
        $stub = Start-StubServer $Answer
        try {
            Connect-Composio -ApiKey (ConvertTo-SecureString 'ak_stub_key_0001' -AsPlainText -Force) -BaseUri $stub.BaseUri -SkipCheck
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $items = @(& $Command -ErrorVariable failures -ErrorAction SilentlyContinue)
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $items.Count | Should -Be $ItemCount
            @($stub.Requests).Count | Should -Be $RequestCount
        }
        finally { Stop-StubServer $stub }
    }

    It 'warns when a listing hands out fewer items than it announced' {
        $stub = Start-StubServer {
            param($request)
            '{"items":[{"id":"ac_only1","toolkit":{"slug":"github"}}],"next_cursor":null,"total_pages":1,"total_items":60}'
        }
        try {
            Connect-Composio -ApiKey (ConvertTo-SecureString 'ak_stub_key_0001' -AsPlainText -Force) -BaseUri $stub.BaseUri -SkipCheck
            $items = @(Get-ComposioAuthConfig -WarningVariable warnings -WarningAction SilentlyContinue)
            $items.Count | Should -Be 1
            "$warnings" | Should -Match 'announced 60'
        }
        finally { Stop-StubServer $stub }
    }

    It 'never asks for more than 50 items a page, on v3 as on v3.1' {
        Reset-ComposioEmulator $projectA
        Add-ComposioEmulatorSeed $projectA -Toolkit github -Count 120 -NamePrefix 'seed-' | Out-Null
        foreach ($version in 'v3.1', 'v3') {
            Connect-Composio -ApiKey (ConvertTo-SecureString $projectA.ApiKey -AsPlainText -Force) -BaseUri $projectA.BaseUri -ApiVersion $version
            @(Get-ComposioAuthConfig).Count | Should -Be 120
            Get-ComposioToolkit | Out-Null
        }
        $limits = Get-WireRequest $projectA | Where-Object { $_.query -match 'limit=(\d+)' } | ForEach-Object { [int]($_.query -replace '.*limit=(\d+).*', '$1') }
        @($limits).Count | Should -BeGreaterThan 0
        ($limits | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 50
    }
}
